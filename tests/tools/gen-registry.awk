# gen-registry.awk: a synthetic registry sheet of N persons (3 per household) in the sample villages, with
# valid GB 11643 ID numbers (address code 371399, assigned to no real county). For tests that need a big
# file. usage: awk -v n=200000 -f gen-registry.awk > registry.csv
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	checks = "10X98765432"
	print "行政区划代码,户编号,姓名,证件号码,与户主关系,性别,民族,劳动技能,贫困户属性,主要致贫原因,贫困户状态"
	for (i = 0; i < n; i++) {
		hh = int(i / 3)
		rel = i % 3
		village = (hh % 2) ? "371399100201" : "371399100202"
		# a distinct birth date and sequence per person
		year = 1950 + (i % 50)
		month = 1 + int(i / 50) % 12
		day = 1 + int(i / 600) % 28
		seq = int(i / 16800) % 1000
		male = (rel != 1)
		sexdigit = (seq * 2 + (male ? 1 : 0)) % 10
		s17 = sprintf("371399%04d%02d%02d%02d%d", year, month, day, seq % 100, sexdigit)
		sum = 0
		for (k = 1; k <= 17; k++)
			sum += substr(s17, k, 1) * w[k]
		id = s17 substr(checks, sum % 11 + 1, 1)
		relname = rel == 0 ? "户主" : (rel == 1 ? "配偶" : "之子")
		printf "%s,G%07d,人%d,%s,%s,%s,汉族,普通劳动力,一般贫困户,因病,未脱贫\n", village, hh, i, id, relname, male ? "男" : "女"
	}
}
