-- Full-text search over matters' codes, titles and descriptions in both languages. The trigram
-- tokenizer matches any substring of three or more characters, which is what Chinese text needs
-- (no word boundaries); shorter queries fall back to LIKE. Kept in step with matters by triggers.
CREATE VIRTUAL TABLE `matters_fts` USING fts5(
  code, title_zh, title_en, description_zh, description_en,
  content='matters', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
INSERT INTO `matters_fts` (rowid, code, title_zh, title_en, description_zh, description_en)
  SELECT id, code, title_zh, title_en, description_zh, description_en FROM `matters`;
--> statement-breakpoint
CREATE TRIGGER `matters_fts_insert` AFTER INSERT ON `matters` BEGIN
  INSERT INTO `matters_fts` (rowid, code, title_zh, title_en, description_zh, description_en)
  VALUES (new.id, new.code, new.title_zh, new.title_en, new.description_zh, new.description_en);
END;
--> statement-breakpoint
CREATE TRIGGER `matters_fts_delete` AFTER DELETE ON `matters` BEGIN
  INSERT INTO `matters_fts` (`matters_fts`, rowid, code, title_zh, title_en, description_zh, description_en)
  VALUES ('delete', old.id, old.code, old.title_zh, old.title_en, old.description_zh, old.description_en);
END;
--> statement-breakpoint
CREATE TRIGGER `matters_fts_update` AFTER UPDATE OF code, title_zh, title_en, description_zh, description_en ON `matters` BEGIN
  INSERT INTO `matters_fts` (`matters_fts`, rowid, code, title_zh, title_en, description_zh, description_en)
  VALUES ('delete', old.id, old.code, old.title_zh, old.title_en, old.description_zh, old.description_en);
  INSERT INTO `matters_fts` (rowid, code, title_zh, title_en, description_zh, description_en)
  VALUES (new.id, new.code, new.title_zh, new.title_en, new.description_zh, new.description_en);
END;
