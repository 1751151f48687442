/* memcap.c: run a command with an address-space limit and report its peak memory (issue 21: a test asserts a
 * bound for every bomb). Not part of the product.
 *   memcap LIMIT_MIB REPORT_FILE COMMAND [ARGS...]
 * The child runs with RLIMIT_AS = LIMIT_MIB MiB (so a reader that ran away would fail there rather than take
 * the machine); when it ends, its peak resident set in KiB is written to REPORT_FILE and memcap exits with the
 * child's exit code (128 + the signal if it was killed). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: memcap LIMIT_MIB REPORT_FILE COMMAND [ARGS...]\n");
		return 2;
	}
	unsigned long long mib = strtoull(argv[1], NULL, 10);
	pid_t pid = fork();
	if (pid < 0) {
		perror("memcap: fork");
		return 2;
	}
	if (pid == 0) {
		struct rlimit rl = { (rlim_t)mib << 20, (rlim_t)mib << 20 };
		if (setrlimit(RLIMIT_AS, &rl) != 0) {
			perror("memcap: setrlimit");
			_exit(2);
		}
		execvp(argv[3], argv + 3);
		fprintf(stderr, "memcap: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("memcap: wait4");
			return 2;
		}
	FILE *f = fopen(argv[2], "w");
	if (!f) {
		perror(argv[2]);
		return 2;
	}
	fprintf(f, "%ld\n", ru.ru_maxrss);
	fclose(f);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
