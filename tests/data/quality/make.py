#!/usr/bin/env python3
# make.py: makes the fixture of tests/cli/t0700-quality-rules.sh: one household (or member, or list row) per rule that
# triggers it, beside households that trigger nothing. Run once; the CSV files are committed.
import csv, io, os
OUT = os.path.dirname(os.path.abspath(__file__))
W = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
C = '10X98765432'
seqs = {}
def idno(birth, male, area='371399', bad_check=False):
    key = (area, birth)
    n = seqs.get(key, 0); seqs[key] = n + 1
    seq = 10 + 2 * n + (1 if male else 0)
    s17 = '%s%s%03d' % (area, birth, seq)
    c = C[sum(int(a) * w for a, w in zip(s17, W)) % 11]
    if bad_check:
        c = '0' if c != '0' else '1'
    return s17 + c
V1, V2 = '371399100201', '371399100202'
HEAD = ['行政区划代码','户编号','姓名','证件号码','与户主关系','性别','民族','文化程度','在校生状况','健康状况','劳动技能',
        '务工状况','务工时间（月）','是否参加城乡居民基本医疗保险','是否参加大病保险','是否参加城乡居民基本养老保险',
        '是否享受低保','是否特困供养','人联系电话','贫困户属性','主要致贫原因','其他致贫原因','识别标准','贫困户状态',
        '识别年月','脱贫年度','户联系电话','人均纯收入','收入年度']
rows = []
people = {}   # label -> (name, id)
def person(name, rel, sex, birth, edu='小学', school='', health='健康', labor='普通劳动力', work='', months='0',
           med='是', ser='是', pen='是', dibao='否', tekun='否', phone='', id_no=None, label=None, eth='汉族'):
    male = sex == '男'
    i = id_no if id_no else idno(birth, male)
    if label:
        people[label] = (name, i)
    return dict(姓名=name, 证件号码=i, 与户主关系=rel, 性别=sex, 民族=eth, 文化程度=edu, 在校生状况=school,
                健康状况=health, 劳动技能=labor, 务工状况=work, **{'务工时间（月）': months},
                是否参加城乡居民基本医疗保险=med, 是否参加大病保险=ser, 是否参加城乡居民基本养老保险=pen,
                是否享受低保=dibao, 是否特困供养=tekun, 人联系电话=phone)
def household(no, members, village=V1, attr='一般贫困户', cause='缺资金', other='', std='国家标准', status='未脱贫',
              ym='201404', exit_year='', phone='13905390000', income='2000.00', income_year=''):
    for m in members:
        r = {'行政区划代码': village, '户编号': no, '贫困户属性': attr, '主要致贫原因': cause, '其他致贫原因': other,
             '识别标准': std, '贫困户状态': status, '识别年月': ym, '脱贫年度': exit_year, '户联系电话': phone,
             '人均纯收入': income, '收入年度': income_year}
        r.update(m)
        rows.append(r)
def couple(a, b, **kw):
    return [person(a, '户主', '男', kw.get('b1', '19700101')), person(b, '配偶', '女', kw.get('b2', '19720202'))]

# clean households: nothing fires on them
household('C01', [person('钱一', '户主', '男', '19650310', label='c01'), person('钱二', '配偶', '女', '19670422'),
                   person('钱三', '之子', '男', '20040506', edu='', school='四年级' if False else '小学', labor='无劳动力', pen='否'),
                   person('钱四', '之女', '女', '20100607', edu='学龄前儿童', labor='无劳动力', pen='否')])
household('C02', [person('孙一', '户主', '男', '19500101', labor='丧失劳动力', health='长期慢性病', label='c02'),
                  person('孙二', '配偶', '女', '19520303', labor='无劳动力')], cause='因病')
# the rules check has had from the start
household('H_HEAD_NONE', [person('蔡子', '之子', '男', '19900101', edu='初中')])
household('H_HEAD_SEVERAL', [person('蔡甲', '户主', '男', '19700501'), person('蔡乙', '户主', '男', '19720502')])
household('H_RELATION_SEX', [person('田户', '户主', '男', '19700503'), person('田女', '之女', '男', '19950504', edu='初中')])
household('H_SPOUSE_SEX', [person('樊户', '户主', '男', '19700505'), person('樊配', '配偶', '男', '19700506')])
household('H_CHILD_LABOR', couple('胡父', '胡母') + [person('胡童', '之子', '男', '20040507', edu='', school='小学', labor='普通劳动力', pen='否')])
household('H_OLD_LABOR', [person('凌老', '户主', '男', '19400508', labor='技能劳动力')])
# identity
household('H_ID_LENGTH', [person('周长', '户主', '男', '19700101', id_no='37139919700101001')])
household('H_ID_CHECKSUM', [person('周校', '户主', '男', '19700102', id_no=idno('19700102', True, bad_check=True))])
household('H_CARD_CHECKSUM', [person('周残', '户主', '男', '19700103', health='残疾', labor='丧失劳动力',
                                     id_no=idno('19700103', True, bad_check=True) + '11')])
household('H_ID_DATE', [person('周日', '户主', '男', '19650231', id_no=idno('19650231', True))])
household('H_ID_PROVINCE', [person('周省', '户主', '男', '19700104', id_no=idno('19700104', True, area='391399'))])
household('H_ID_PLACEHOLDER', [person('周占', '户主', '男', '19700105', id_no=idno('19700105', True, area='999999'))])
household('H_ID_SEX', [person('周性', '户主', '女', '19700106', id_no=idno('19700106', True))])
dup = idno('19700107', True)
household('H_ID_DUPLICATE', [person('周重', '户主', '男', '19700107', id_no=dup)])
household('H_ID_DUPLICATE2', [person('周重', '户主', '男', '19700107', id_no=dup)], village=V2)
household('H_NAME_FORMAT', [person('周 名', '户主', '男', '19700108')])
household('H_AGE_IMPLAUSIBLE', [person('周老', '户主', '男', '19150301', edu='文盲或半文盲', labor='丧失劳动力')])
household('H_ID_EMPTY', [person('周空', '户主', '男', '19700109', label='id_empty')])
household('H_ID_CHARS', [person('周字', '户主', '男', '19700110', label='id_chars')])
# members' attributes
household('H_ETHNICITY_EMPTY', [person('吴族', '户主', '男', '19700201', eth='')])
household('H_HEALTH_EMPTY', [person('吴康', '户主', '男', '19700202', health='')])
household('H_LABOR_EMPTY', [person('吴劳', '户主', '男', '19700203', labor='')])
household('H_EDU_SCHOOL_EMPTY', [person('吴学', '户主', '男', '19700204', edu='')])
household('H_EDU_SCHOOL_BOTH', couple('吴父', '吴母') + [person('吴童', '之子', '男', '20010305', edu='小学', school='七年级', labor='无劳动力', pen='否')])
household('H_PRESCHOOL_EDU', couple('郑父', '郑母') + [person('郑幼', '之女', '女', '20100306', edu='小学', labor='无劳动力', pen='否')])
household('H_PRESCHOOL_AGE', couple('冯父', '冯母') + [person('冯少', '之子', '男', '19990307', edu='学龄前儿童', labor='无劳动力', pen='否')])
household('H_SCHOOL_AGE_EMPTY', couple('陈父', '陈母') + [person('陈童', '之子', '男', '20040308', edu='小学', labor='无劳动力', pen='否')])
household('H_MEDICAL_INS_EMPTY', [person('褚医', '户主', '男', '19700209', med='')])
household('H_SERIOUS_INS_EMPTY', [person('褚大', '户主', '男', '19700210', ser='')])
household('H_PENSION_INS_EMPTY', [person('褚养', '户主', '男', '19700211', pen='')])
household('H_NO_LABOR_WORKING', [person('卫工', '户主', '男', '19640212', labor='丧失劳动力', work='乡（镇）内务工', months='6')])
household('H_STUDENT_WORKING', couple('蒋父', '蒋母') + [person('蒋生', '之子', '男', '19970313', edu='', school='高中一年级', labor='普通劳动力', work='省外务工', months='2', pen='否')])
household('H_WORK_MONTHS_NO_STATUS', [person('沈月', '户主', '男', '19700214', months='5')])
household('H_WORK_STATUS_NO_MONTHS', [person('韩外', '户主', '男', '19700215', work='省外务工', months='0')])
household('H_WORKER_PHONE_MOBILE', [person('杨话', '户主', '男', '19700216', work='乡（镇）内务工', months='8', phone='0539-8123456')])
household('H_CARD_NOT_DISABLED', [person('朱证', '户主', '男', '19700217', id_no=idno('19700217', True) + '11')])
household('H_SEVERE_DISABILITY_LABOR', [person('秦肢', '户主', '男', '19700218', health='残疾', id_no=idno('19700218', True) + '41')],
          cause='因残')
household('H_TEKUN_WORKING_OUTSIDE', [person('尤特', '户主', '男', '19700219', work='省外务工', months='10', tekun='是', label='tekun1')],
          attr='特困供养贫困户')
household('H_DIBAO_TEKUN_BOTH', [person('许双', '户主', '男', '19700220', labor='丧失劳动力', dibao='是', tekun='是', label='both')],
          attr='低保贫困户')
# households
household('H_SPOUSE_SEVERAL', [person('何户', '户主', '男', '19700301'), person('何妻', '配偶', '女', '19720302'),
                               person('何二', '配偶', '女', '19730303')])
household('H_HEAD_MINOR', [person('吕小', '户主', '男', '20020304', edu='', school='六年级' if False else '小学', labor='无劳动力', pen='否')])
household('H_RELATION_AGE', [person('施户', '户主', '男', '19800305'), person('施子', '之子', '男', '19780306')])
household('H_ATTRIBUTE_EMPTY', [person('张属', '户主', '男', '19700307')], attr='')
household('H_CAUSE_MAIN_EMPTY', [person('孔因', '户主', '男', '19700308')], cause='')
household('H_CAUSE_OTHER_REPEATS', [person('曹重', '户主', '男', '19700309', health='患有大病')], cause='因病', other='因病')
household('H_STANDARD_EMPTY', [person('严标', '户主', '男', '19700310')], std='')
household('H_IDENTIFIED_EMPTY', [person('华识', '户主', '男', '19700311')], ym='')
household('H_IDENTIFIED_FUTURE', [person('金来', '户主', '男', '19700312')], ym='202612')
household('H_EXIT_YEAR_ON_POOR', [person('魏脱', '户主', '男', '19700313')], exit_year='2016')
household('H_HH_PHONE_MOBILE', [person('陶话', '户主', '男', '19700314')], phone='0539-7123456')
household('H_ATTR_DIBAO', [person('姜低', '户主', '男', '19700315')], attr='低保贫困户')
household('H_ATTR_TEKUN', [person('戚特', '户主', '男', '19700316', labor='丧失劳动力', tekun='是', label='tekun2')])
household('H_CAUSE_DISABILITY', [person('谢残', '户主', '男', '19700317')], cause='因残')
household('H_CAUSE_ILLNESS', [person('邹病', '户主', '男', '19700318')], cause='因病')
household('H_CAUSE_LABOR', couple('喻父', '喻母'), cause='缺劳力')
household('H_CAUSE_SCHOOL', couple('柏父', '柏母'), cause='因学')
household('H_MONITORED_POOR', [person('水监', '户主', '男', '19700319')])
household('H_NAME_BIRTH', [person('窦同', '户主', '男', '19700320')])
household('H_NAME_BIRTH2', [person('窦同', '户主', '男', '19700320')])
household('H_MEMBERS_NONE', [person('章亡', '户主', '男', '19400321', labor='丧失劳动力', label='gone')])
household('H_INCOME_MISSING', [person('云收', '户主', '男', '19700322')], income='')
household('H_INCOME_NET', [person('苏算', '户主', '男', '19700323')])
# exits (registered poor, exited by the events sheet)
household('H_EXITED_DROPOUT', couple('潘父', '潘母') + [person('潘童', '之子', '男', '20060324', edu='', school='非在校生', labor='无劳动力', pen='否')])
household('H_EXITED_UNINSURED', [person('葛保', '户主', '男', '19700325', med='否')])
household('H_EXIT_YEAR_EVENT', [person('奚年', '户主', '男', '19700326')])
household('H_EXIT_YEAR_MISSING', [person('范缺', '户主', '男', '19700327')])
household('H_EXIT_BEFORE', [person('彭早', '户主', '男', '19700328')])
household('H_EXITED_BELOW_LINE', [person('郎低', '户主', '男', '19700329')], income='2000.00', income_year='2016')
household('C_EXITED_ABOVE_LINE', [person('鲁高', '户主', '男', '19700330')], income='5000.00', income_year='2016')
household('H_POOR_FAR_ABOVE_LINE', [person('韦富', '户主', '男', '19700331')], income='6000.00', income_year='2016')
household('H_EXITED_BELOW_MONITORING', [person('昌测', '户主', '男', '19700401')], income='5000.00', income_year='2022')
# people the lists name
household('L01', [person('马死', '户主', '男', '19500402', labor='丧失劳动力', label='dead'),
                  person('马妻', '配偶', '女', '19520403', labor='丧失劳动力', label='moved')])
household('L02', [person('苗车', '户主', '男', '19700404', label='car'), person('苗房', '配偶', '女', '19720405', label='house'),
                  person('苗商', '之子', '男', '19950406', edu='高中', label='business')])
household('L03', [person('凤薪', '户主', '男', '19700407', label='payroll')])
household('L04', [person('花低', '户主', '男', '19700408', label='dibao_no', labor='丧失劳动力'),
                  person('花保', '配偶', '女', '19720409', dibao='是', label='dibao_yes'),
                  person('花外', '之子', '男', '19950410', edu='高中', dibao='是', label='dibao_off')], attr='低保贫困户')
household('L05', [person('方特', '户主', '男', '19400411', labor='丧失劳动力', tekun='否', label='tekun_no'),
                  person('方供', '配偶', '女', '19420412', labor='丧失劳动力', tekun='是', label='tekun_yes')],
          attr='特困供养贫困户')
household('L06', [person('俞残', '户主', '男', '19700413', label='disab_no'),
                  person('俞证', '配偶', '女', '19720414', health='残疾', labor='丧失劳动力', label='disab_yes')], cause='因残')
household('L07', [person('任医', '户主', '男', '19700415', med='否', label='med_no'),
                  person('任保', '配偶', '女', '19720416', label='med_yes')])
household('L08', [person('袁养', '户主', '男', '19700417', label='pen_yes'),
                  person('袁工', '配偶', '女', '19720418', label='job_no'),
                  person('袁务', '之子', '男', '19950419', edu='高中', work='县外省内务工', months='9', label='job_yes')])
# exited households whose members are on the vehicle list: not receiving support, so no red line; one under
# another name on the list
household('L09', [person('柳车', '户主', '男', '19700420', label='car_unsup'),
                  person('柳名', '配偶', '女', '19720421', label='name_other')])
# a member added in 2016 who had died in 2015, by the deaths list
household('L10', [person('酆户', '户主', '男', '19700422')])
household('H_RELATION_SEVERAL', [person('邬户', '户主', '男', '19680808'), person('邬母', '之母', '女', '19400808', labor='无劳动力'),
                                 person('邬继母', '之母', '女', '19420808', labor='无劳动力')])

out = io.StringIO()
w = csv.DictWriter(out, fieldnames=HEAD, lineterminator='\n')
w.writeheader()
for r in rows:
    w.writerow(r)
open(os.path.join(OUT, 'registry.csv'), 'w', encoding='utf-8').write(out.getvalue())

late = idno('19800423', True)
people['late'] = ('酆迟', late)
ev = [['户编号', '变动类型', '生效日期', '原因', '是否更正', '证件号码', '姓名', '与户主关系', '性别', '民族', '文化程度', '健康状况',
       '劳动技能', '是否参加城乡居民基本医疗保险', '是否参加大病保险', '是否参加城乡居民基本养老保险', '脱贫年度', '识别年月']]
def e(no, typ, day, reason='', corr='否', id_no='', name='', rel='', sex='', exit_year='', member=False, ym=''):
    r = [no, typ, day, reason, corr, id_no, name, rel, sex, '', '', '', '', '', '', '', exit_year, ym]
    if member:
        r[9:16] = ['汉族', '初中', '健康', '普通劳动力', '是', '是', '是']
    ev.append(r)
for no in ['H_EXITED_DROPOUT', 'H_EXITED_UNINSURED', 'H_EXIT_YEAR_EVENT', 'H_EXIT_YEAR_MISSING', 'H_EXIT_BEFORE',
           'H_EXITED_BELOW_LINE', 'C_EXITED_ABOVE_LINE', 'H_EXITED_BELOW_MONITORING', 'L09']:
    e(no, '脱贫', '2015-12-31')
e('L09', '停止享受政策', '2016-12-31')
e('H_EXIT_YEAR_EVENT', '信息更正', '2017-03-01', reason='核对', exit_year='2017')
e('H_EXIT_BEFORE', '信息更正', '2017-03-02', reason='核对', ym='201601')
e('H_MONITORED_POOR', '纳入监测', '2020-06-01')
e('H_MEMBERS_NONE', '人员减少', '2019-05-05', reason='死亡', id_no=people['gone'][1])
e('L10', '人员增加', '2016-06-01', reason='其他', id_no=late, name='酆迟', rel='之子', sex='男', member=True)
with open(os.path.join(OUT, 'events.csv'), 'w', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\n').writerows(ev)

def lst(name, header, rws):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        wr = csv.writer(f, lineterminator='\n'); wr.writerow(header); wr.writerows(rws)
P = people
lst('death.csv', ['证件号码', '姓名', '死亡日期'], [[P['dead'][1], P['dead'][0], '2020-01-15'], [late, '酆迟', '2015-05-05'],
    [idno('19300101', True), '外人', '2020-02-02']])
lst('moved.csv', ['证件号码', '姓名', '迁出日期', '迁往地区'], [[P['moved'][1], P['moved'][0], '2019-09-09', '江苏省南京市']])
lst('vehicle.csv', ['证件号码', '姓名', '号牌号码', '车辆类型', '初次登记日期'],
    [[P['car'][1], P['car'][0], '鲁Q12345', '小型轿车', '2019-05-01'], [P['c02'][1], P['c02'][0], '鲁Q00001', '残疾人专用车', '2018-01-01'],
     [P['car_unsup'][1], P['car_unsup'][0], '鲁Q54321', '小型轿车', '2020-01-01'], [P['name_other'][1], '柳明', '鲁Q77777', '二轮摩托车', '2020-02-02']])
lst('housing.csv', ['证件号码', '姓名', '房屋坐落', '建筑面积', '登记日期'], [[P['house'][1], P['house'][0], '临沂市兰山区某小区 3 号楼', '98.5', '2020-03-03']])
lst('business.csv', ['证件号码', '姓名', '企业名称', '登记状态', '成立日期'],
    [[P['business'][1], P['business'][0], '临港某商贸有限公司', '存续', '2021-04-04'], [P['c01'][1], P['c01'][0], '某某养殖场', '注销', '2016-01-01']])
lst('payroll.csv', ['证件号码', '姓名', '工作单位', '起始日期'], [[P['payroll'][1], P['payroll'][0], '某镇人民政府', '2012-09-01']])
lst('dibao.csv', ['证件号码', '姓名', '行政区划代码'], [[P['dibao_no'][1], P['dibao_no'][0], V1], [P['dibao_yes'][1], P['dibao_yes'][0], V1],
    [P['both'][1], P['both'][0], V1], [idno('19600606', False), '外低', V1]])
lst('tekun.csv', ['证件号码', '姓名'], [[P['tekun_no'][1], P['tekun_no'][0]], [P['tekun1'][1], P['tekun1'][0]],
    [P['tekun2'][1], P['tekun2'][0]], [P['both'][1], P['both'][0]], [idno('19350707', True), '外特']])
lst('disability.csv', ['证件号码', '姓名', '残疾类别', '残疾等级'], [[P['disab_no'][1], P['disab_no'][0], '肢体', '三级'],
    [P['disab_yes'][1], P['disab_yes'][0], '视力', '二级']])
lst('medical.csv', ['证件号码', '姓名', '参保状态', '参保年度'], [[P['med_no'][1], P['med_no'][0], '正常参保', '2025'], [P['med_yes'][1], P['med_yes'][0], '正常参保', '2025']])
lst('pension.csv', ['证件号码', '姓名', '参保状态'], [[P['pen_yes'][1], P['pen_yes'][0], '未参保']])
lst('employment.csv', ['证件号码', '姓名', '就业单位', '就业地点', '登记日期'], [[P['job_no'][1], P['job_no'][0], '某食品厂', '临沂市', '2024-03-01'],
    [P['job_yes'][1], P['job_yes'][0], '某建筑公司', '济南市', '2024-04-01']])
with open(os.path.join(OUT, 'ids.txt'), 'w') as f:
    for k in ['id_empty', 'id_chars']:
        f.write('%s %s\n' % (k, P[k][1]))
print(len(rows), 'rows')
