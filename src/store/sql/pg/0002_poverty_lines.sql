-- 0002_poverty_lines.sql (PostgreSQL: the same rows as SQLite): the lines confirmed in DOMAIN.md §5.4.
-- Values marked unconfirmed there are not seeded; an office sets them with `tuopin line set`.
INSERT INTO poverty_line (year, region, kind, amount, note) VALUES
	(2010, 'CN', 'national', 230000, '2010 年价 2300 元（国家统计局）'),
	(2013, 'CN', 'national', 273600, '2014 年识别所用 2013 年收入标准'),
	(2014, 'CN', 'national', 280000, '国家统计局 2014 年现行标准'),
	(2019, 'CN', 'national', 321800, '国家统计局（二手来源）'),
	(2020, 'CN', 'national', 400000, '约 4000 元（国务院新闻办）'),
	(2014, '37', 'provincial', 332200, '山东省定标准：2010 年价 3000 元 = 2014 年价 3322 元'),
	(2021, 'CN', 'monitoring', 600000, '脱贫攻坚期国家扶贫标准的 1.5 倍（2021 年 6000 元，陕西靖边县实施方案）');
