/* test.h: what every cmocka unit test includes. */
#ifndef TUOPIN_TEST_H
#define TUOPIN_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/buf.h"

#define S(x) str_from(x)

#endif
