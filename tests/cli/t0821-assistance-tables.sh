#!/usr/bin/env bash
# The standard tables read from the 帮扶 records and the 入户核实 assessments (issue 19, DOMAIN.md §9.1): 2.6 (帮扶
# 责任人落实), 2.7 (生产生活条件: 危房, 安全饮水), 4 (帮扶责任人), 5 (各级干部帮扶), 16 (分类扶持). Exact figures on the
# sample county (东岭村 0001 (3 persons) and 0002 (1); 西岭村 0003 (4)) with records counted by hand: a pairing that
# ends, a cadre replaced mid-month (the old pairing ends the day before), a cadre with households in two villages
# counted once in the total, an assessment superseded by a later one, measures of one year only.
source "$TESTLIB"
sample_db
N=(--now "2014-06-01 10:00:00")
add() { ok assistance add "$@" "${N[@]}"; }
add cadre name=张帮扶 unit=县扶贫办 affiliation=县直 division=示例县
add cadre name=李村官 unit=东岭村民委员会 affiliation=村级 division=东岭村
add cadre name=王处长 unit=省扶贫办 affiliation=省直 division=示例县
add pairing cadre=张帮扶 household=3713991002010001 start_date=2014-05-01
add pairing cadre=张帮扶 household=3713991002020003 start_date=2014-05-01 end_date=2014-05-31
add pairing cadre=李村官 household=3713991002010002 start_date=2014-05-01
# 王处长 takes 0002 over from 2014-05-20: 李村官's pairing ends on 2014-05-19
add pairing cadre=王处长 household=3713991002010002 start_date=2014-05-20
ok assessment add 3713991002010001 --assessor 甲 --date 2014-05-10 --housing C --water no "${N[@]}"
ok assessment add 3713991002010001 --assessor 甲 --date 2014-05-25 --housing B --water yes "${N[@]}"
ok assessment add 3713991002020003 --assessor 乙 --date 2014-05-12 --housing D --water yes "${N[@]}"
add measure household=3713991002010001 category=产业扶贫 item=养殖业 measure_date=2014-05-15
add measure household=3713991002010001 category=教育扶贫 measure_date=2014-05-16
add measure household=3713991002020003 category=生态扶贫 measure_date=2014-05-16

ok report list --format json
jqeq '[.tables[] | select(.group == "帮扶") | .code] | join(",")' "2.6,4,5,16"
jqeq '.tables[] | select(.code == "2.7") | "\(.group) \(.title)"' "贫困户 贫困户生产生活条件困难情况统计表"

# 2.6 and 4: on 2014-05-20 every household is paired (张帮扶 twice, 王处长 once: 2 cadres); on 2014-06-01 0003's
# pairing has ended (2 of 3, 66.67 %)
ok report 2.6 --as-of 2014-05-20 --by village --format json
jqeq '[.rows[], .total] | map(.values | [.households, .paired, .paired_share] | join(" ")) | join(",")' "2 2 100,1 1 100,3 3 100"
ok report 2.6 --as-of 2014-06-01 --by village --format json
jqeq '[.rows[], .total] | map(.values | [.households, .paired, .paired_share] | join(" ")) | join(",")' "2 2 100,1 0 0,3 2 66.67"
ok report 4 --as-of 2014-05-20 --by village --format json
jqeq '[.rows[], .total] | map(.values | [.households, .paired, .cadres, .paired_share] | join(" ")) | join(",")' \
	"2 2 2 100,1 1 1 100,3 3 2 100"
# 5 by level: on 2014-05-19 李村官 (村级: 县以下) still helps 0002; from 2014-05-20 王处长 (省直) does
ok report 5 --as-of 2014-05-19 --by village --format json
jqeq '[.rows[], .total] | map(.values | [.province_c, .province_h, .county_c, .county_h, .below_c, .below_h, .total_c, .total_h] | join(" ")) | join(",")' \
	"0 0 1 1 1 1 2 2,0 0 1 1 0 0 1 1,0 0 1 2 1 1 2 3"
ok report 5 --as-of 2014-05-20 --format json
jqeq '.total.values | [.province_c, .province_h, .city_c, .county_c, .county_h, .below_c, .below_h, .total_c, .total_h] | join(" ")' \
	"1 1 0 1 2 0 0 2 3"
jqeq '[.columns[] | select(.key == "below_h") | "\(.label) \(.group)"][0]' "帮扶户数 县以下"

# 2.7 from the latest assessment on or before the day: on 2014-05-20 0001 is C without safe water, 0003 D; from
# 2014-05-25 0001 is B with safe water; 0002 never assessed
ok report 2.7 --as-of 2014-05-20 --format json
jqeq '.total.values | [.households, .assessed, .unsafe_housing, .unsafe_housing_share, .no_safe_water, .no_safe_water_share, .not_assessed] | join(" ")' \
	"3 2 2 100 1 50 1"
ok report 2.7 --as-of 2014-06-01 --by village --format json
jqeq '[.rows[], .total] | map(.values | [.assessed, .unsafe_housing, .no_safe_water, .not_assessed] | join(" ")) | join(",")' \
	"1 0 0 1,1 1 0 0,2 1 0 1"
ok report 2.7 --as-of 2014-05-01 --format json
jqeq '.total.values | [.assessed, .unsafe_housing, .unsafe_housing_share] | map(tostring) | join(" ")' "0 0 null"

# 16: the 2014 measures: 0001's 3 persons under 产业 and 教育, 0003's 4 under 生态; 0002 has none; in 2015 nobody
ok report 16 --as-of 2014-12-31 --by village --format json
jqeq '[.rows[], .total] | map(.values | [.persons, .industry_employment, .relocation, .ecology, .education, .health, .security, .none] | join(" ")) | join(",")' \
	"4 3 0 0 3 0 0 1,4 0 0 4 0 0 0 0,8 3 0 4 3 0 0 1"
ok report 16 --as-of 2015-05-19 --format json
jqeq '.total.values | [.persons, .industry_employment, .none] | join(" ")' "8 0 8"
ok report 16 --as-of 2014-12-31
contains "$OUT" "注：按统计时点所在年度（全年，含统计时点之后的）登记的帮扶措施"

# a town's operator sees the town only (its figures are the county's here: one town)
ok report 4 --as-of 2014-05-20 --division 东岭镇 --format json
jqeq '"\(.division.code) \(.total.values.cadres)"' "371399100000 2"
finish
