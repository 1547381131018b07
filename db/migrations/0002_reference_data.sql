-- 0002 reference data every database needs: the 205 教育支出 function tree for 2010–2026 and the
-- national per-student standards of docs/domain.md#public-funds-standard. Names below 205 are from memory of the 2020s
-- 《政府收支分类科目》 (confidence M) except the few confirmed in sources; the tree is stored per year
-- because the official list is revised yearly and a later import may replace a year's names.

CREATE TEMP TABLE tmp_function (code TEXT, name_zh TEXT, parent_code TEXT, confidence TEXT);
INSERT INTO tmp_function VALUES
  ('205', '教育支出', NULL, 'C'),
  ('20501', '教育管理事务', '205', 'M'),
  ('2050101', '行政运行', '20501', 'M'),
  ('2050102', '一般行政管理事务', '20501', 'M'),
  ('2050103', '机关服务', '20501', 'M'),
  ('2050199', '其他教育管理事务支出', '20501', 'M'),
  ('20502', '普通教育', '205', 'M'),
  ('2050201', '学前教育', '20502', 'M'),
  ('2050202', '小学教育', '20502', 'C'),
  ('2050203', '初中教育', '20502', 'C'),
  ('2050204', '高中教育', '20502', 'M'),
  ('2050205', '高等教育', '20502', 'M'),
  ('2050299', '其他普通教育支出', '20502', 'C'),
  ('20503', '职业教育', '205', 'M'),
  ('2050301', '初等职业教育', '20503', 'M'),
  ('2050302', '中等职业教育', '20503', 'M'),
  ('2050303', '技校教育', '20503', 'M'),
  ('2050305', '高等职业教育', '20503', 'M'),
  ('2050399', '其他职业教育支出', '20503', 'M'),
  ('20504', '成人教育', '205', 'M'),
  ('2050401', '成人初等教育', '20504', 'M'),
  ('2050402', '成人中等教育', '20504', 'M'),
  ('2050403', '成人高等教育', '20504', 'M'),
  ('2050404', '成人广播电视教育', '20504', 'M'),
  ('2050499', '其他成人教育支出', '20504', 'M'),
  ('20505', '广播电视教育', '205', 'M'),
  ('2050501', '广播电视学校', '20505', 'M'),
  ('2050502', '教育电视台', '20505', 'M'),
  ('2050599', '其他广播电视教育支出', '20505', 'M'),
  ('20506', '留学教育', '205', 'M'),
  ('2050601', '出国留学教育', '20506', 'M'),
  ('2050602', '来华留学教育', '20506', 'M'),
  ('2050699', '其他留学教育支出', '20506', 'M'),
  ('20507', '特殊教育', '205', 'M'),
  ('2050701', '特殊学校教育', '20507', 'M'),
  ('2050702', '工读学校教育', '20507', 'M'),
  ('2050799', '其他特殊教育支出', '20507', 'M'),
  ('20508', '进修及培训', '205', 'M'),
  ('2050801', '教师进修', '20508', 'M'),
  ('2050802', '干部教育', '20508', 'M'),
  ('2050803', '培训支出', '20508', 'M'),
  ('2050804', '退役士兵能力提升', '20508', 'M'),
  ('2050899', '其他进修及培训', '20508', 'M'),
  ('20509', '教育费附加安排的支出', '205', 'M'),
  ('2050901', '农村中小学校舍建设', '20509', 'M'),
  ('2050902', '农村中小学教学设施', '20509', 'M'),
  ('2050903', '城市中小学校舍建设', '20509', 'M'),
  ('2050904', '城市中小学教学设施', '20509', 'M'),
  ('2050905', '中等职业学校教学设施', '20509', 'M'),
  ('2050999', '其他教育费附加安排的支出', '20509', 'M'),
  ('20599', '其他教育支出', '205', 'M'),
  ('2059999', '其他教育支出', '20599', 'M');

INSERT INTO budget_function (year, code, name_zh, parent_code, confidence)
WITH RECURSIVE years(y) AS (SELECT 2010 UNION ALL SELECT y + 1 FROM years WHERE y < 2026)
SELECT y, code, name_zh, parent_code, confidence
FROM years, tmp_function
ORDER BY y, length(code), code;
DROP TABLE tmp_function;

-- National standards (docs/domain.md#public-funds-standard). The 2016–2022 中西部/东部 split is stored as national 650/850
-- from 2016 because the date of the 中西部 move from 600/800 is unknown (docs/domain.md#open-questions item 7);
-- provinces load their own, higher standards as datasets.
INSERT INTO funding_standard (level, component, region_class, value, value_unit, effective_from, effective_to, legal_ref, source_url, confidence) VALUES
  ('primary', 'public_funds_base', 'central_west', 60000, 'fen_per_pupil_year', '2016-01-01', '2023-01-01', '国发〔2015〕67号 城乡义务教育经费保障机制', 'http://clubcadera.com/details.php?alias=hangye&id=966', 'C'),
  ('primary', 'public_funds_base', 'east', 65000, 'fen_per_pupil_year', '2016-01-01', '2023-01-01', '国发〔2015〕67号 城乡义务教育经费保障机制', 'http://clubcadera.com/details.php?alias=hangye&id=966', 'C'),
  ('junior', 'public_funds_base', 'central_west', 80000, 'fen_per_pupil_year', '2016-01-01', '2023-01-01', '国发〔2015〕67号 城乡义务教育经费保障机制', 'http://clubcadera.com/details.php?alias=hangye&id=966', 'C'),
  ('junior', 'public_funds_base', 'east', 85000, 'fen_per_pupil_year', '2016-01-01', '2023-01-01', '国发〔2015〕67号 城乡义务教育经费保障机制', 'http://clubcadera.com/details.php?alias=hangye&id=966', 'C'),
  ('primary', 'public_funds_base', 'national', 72000, 'fen_per_pupil_year', '2023-01-01', NULL, '2023年春季学期起 义务教育生均公用经费基准定额 小学650→720元', 'http://m.nodetpl.com/2023/0510/471176.shtml', 'C'),
  ('junior', 'public_funds_base', 'national', 94000, 'fen_per_pupil_year', '2023-01-01', NULL, '2023年春季学期起 义务教育生均公用经费基准定额 初中850→940元', 'http://m.nodetpl.com/2023/0510/471176.shtml', 'C'),
  ('special', 'special_ed_public_funds', 'national', 600000, 'fen_per_pupil_year', '2016-01-01', NULL, '国发〔2015〕67号 特殊教育学校和随班就读残疾学生 生均公用经费 6000元', 'http://clubcadera.com/details.php?alias=hangye&id=966', 'C'),
  ('primary', 'boarding_topup', 'national', 20000, 'fen_per_pupil_year', '2016-01-01', '2023-01-01', '寄宿制学校 按寄宿生 年生均200元 增加公用经费', NULL, 'C'),
  ('junior', 'boarding_topup', 'national', 20000, 'fen_per_pupil_year', '2016-01-01', '2023-01-01', '寄宿制学校 按寄宿生 年生均200元 增加公用经费', NULL, 'C'),
  ('primary', 'boarding_topup', 'national', 30000, 'fen_per_pupil_year', '2023-01-01', NULL, '2023年春季学期起 寄宿生 年生均300元', NULL, 'C'),
  ('junior', 'boarding_topup', 'national', 30000, 'fen_per_pupil_year', '2023-01-01', NULL, '2023年春季学期起 寄宿生 年生均300元', NULL, 'C'),
  ('primary', 'small_school_min_pupils', 'national', 100, 'pupils', '2016-01-01', NULL, '不足100人的农村小规模学校和教学点按100人核定公用经费', 'http://yishui.gov.cn/info/129250/341109.htm', 'C'),
  ('junior', 'small_school_min_pupils', 'national', 100, 'pupils', '2016-01-01', NULL, '不足100人的农村小规模学校和教学点按100人核定公用经费', 'http://yishui.gov.cn/info/129250/341109.htm', 'C'),
  ('primary', 'living_subsidy_boarder', 'national', 125000, 'fen_per_pupil_year', '2024-01-01', NULL, '2024年春季学期起 家庭经济困难寄宿生生活费补助 小学1250元', 'https://yaliqi.com/new/c40ab2903f03b01ec1ddea3ed89f15ef', 'C'),
  ('junior', 'living_subsidy_boarder', 'national', 150000, 'fen_per_pupil_year', '2024-01-01', NULL, '2024年春季学期起 家庭经济困难寄宿生生活费补助 初中1500元', 'https://yaliqi.com/new/c40ab2903f03b01ec1ddea3ed89f15ef', 'C'),
  ('higher', 'per_student_appropriation', 'national', 1200000, 'fen_per_pupil_year', '2017-01-01', NULL, '财教〔2014〕352号 高职院校年生均财政拨款水平不低于12000元', 'http://xjsyw.com/news/show.php?itemid=31006', 'C');
