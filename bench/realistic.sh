#!/usr/bin/env bash
# realistic.sh IN OUT: a registry made by gen_registry.sh rewritten to look like a county after its clean-up
# (bench/check.sh): gen_registry.sh's file imports without a problem but is built for speed, not sense (a
# dozen names, everyone of working age 普通劳动力, no schooling recorded, causes at random), so the rules of
# `tuopin check` find hundreds of thousands of things in it. Here every person gets a name of their own, labour,
# education and schooling that fit their age on 2014-01-01 (the day bench/check.sh imports the registry as of:
# the rules judge a record at the day it was recorded), and every household a cause its members bear out;
# then about 1% of the households get one problem back each (an old member recorded as 普通劳动力, a
# school-age child with no schooling, 因残 with nobody disabled, a chronic illness left empty), so a run has
# findings to keep. ID numbers, households and villages stay as they were. Deterministic; needs only awk.
set -euo pipefail
in=$1
out=$2
awk -F, -v OFS=, '
BEGIN {
	split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤", fam, " ")
	split("建 秀 志 玉 海 丽 军 芳 明 静 国 华 文 英 永 春 德 桂 金 小 红 伟 晓 淑 长 宝 凤 俊 立 新 庆 振 福 兰 凯 雪 成 家 云 宏", g1, " ")
	split("国 英 强 梅 军 华 平 芳 林 霞 涛 娟 明 燕 杰 敏 勇 艳 辉 玲 波 萍 斌 红 峰 琴 磊 莉 鹏 颖 超 洁 刚 丹 宇 静 飞", g2, " ")
	grades[6] = "小学"; grades[7] = "小学"; grades[8] = "小学"; grades[9] = "小学"; grades[10] = "小学"; grades[11] = "小学"
	grades[12] = "七年级"; grades[13] = "八年级"; grades[14] = "九年级"
	grades[15] = "高中一年级"; grades[16] = "高中二年级"; grades[17] = "高中三年级"
	n = 0; hh = ""; h = 0
}
function age(id,    y, md) {
	y = substr(id, 7, 4) + 0
	md = substr(id, 11, 4) + 0
	return 2014 - y - (md > 101 ? 1 : 0)
}
function flush(    k, a, disabled, ill, student, weak, cause, other, bad, f) {
	if (!n) return
	h++
	disabled = ill = student = weak = 0
	for (k = 1; k <= n; k++) {
		split(row[k], f, ",")
		a = age(f[4])
		f[3] = fam[h % 100 + 1] g1[(h * 7 + k * 13) % 40 + 1] g2[(h * 11 + k * 5) % 37 + 1]
		f[10] = (h * 5 + k) % 53 == 0 ? "残疾" : (h * 3 + k) % 11 == 0 ? "长期慢性病" : "健康"
		if (a < 6) { f[8] = "学龄前儿童"; f[9] = "" }
		else if (a <= 17) { f[8] = ""; f[9] = grades[a] }
		else { f[8] = f[8] != "" ? f[8] : (h + k) % 3 ? "初中" : "高中"; f[9] = "" }
		if (a < 16) f[11] = "无劳动力"
		else if (a >= 75 || f[10] == "残疾") f[11] = "丧失劳动力"
		else if (a >= 60) f[11] = "弱劳动力或半劳动力"
		else f[11] = (h + k) % 7 ? "普通劳动力" : "技能劳动力"
		if (a < 16 || a >= 60 || f[11] == "丧失劳动力") { f[12] = ""; f[13] = 0 }
		f[16] = a >= 16 ? "是" : "否"
		disabled += f[10] == "残疾"; ill += f[10] == "长期慢性病"; student += f[9] != ""
		weak += f[11] != "普通劳动力" && f[11] != "技能劳动力" && a >= 16
		out[k] = f[1]
		for (j = 2; j <= 27; j++) out[k] = out[k] OFS f[j]
	}
	cause = disabled ? "因残" : ill ? "因病" : student ? "因学" : weak ? "缺劳力" : h % 2 ? "缺资金" : "缺技术"
	other = h % 3 ? "" : cause == "缺技术" ? "缺资金" : "缺技术"
	bad = h % 97 == 5 ? 1 : h % 89 == 3 ? 2 : h % 83 == 7 ? 3 : h % 79 == 1 ? 4 : 0
	for (k = 1; k <= n; k++) {
		split(out[k], f, ",")
		f[20] = cause; f[21] = other
		if (bad == 1 && age(f[4]) >= 60) { f[11] = "普通劳动力"; bad = 0 }
		if (bad == 2 && age(f[4]) >= 6 && age(f[4]) <= 14) { f[9] = ""; bad = 0 }
		if (bad == 4 && k == 1) { f[10] = ""; bad = 0 }
		if (bad == 3) { f[20] = "因残"; if (disabled) bad = 0 }
		line = f[1]
		for (j = 2; j <= 27; j++) line = line OFS f[j]
		print line
	}
	n = 0
}
NR == 1 { print; next }
$2 != hh { flush(); hh = $2 }
{ row[++n] = $0 }
END { flush() }' "$in" > "$out"
