-- 0006_bank_account.sql: the household's 开户银行 and 银行账号 (财政一卡通, digits only), personal data that
-- every answer masks unless the role may see it and asks (DOMAIN.md §2, §8.5).
ALTER TABLE household ADD COLUMN bank TEXT COLLATE "C";
ALTER TABLE household ADD COLUMN bank_account TEXT COLLATE "C";
