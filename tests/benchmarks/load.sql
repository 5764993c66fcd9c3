-- load.sql: the queries of jp_store_load_plan() (src/store/jp-store-load.c),
-- same columns, same tables, same order, in one read transaction, for the
-- sqlite3 command-line tool that bench-load times beside the store:
--   sqlite3 -batch DB < load.sql > /dev/null
-- bench-load puts ".parameter set ?1 PLAN_ID" before them. Keep them in
-- step with jp-store-load.c (bench-load checks that both read as many
-- rows as the loaded plan has objects).
BEGIN DEFERRED;
SELECT title, year, organizations, preamble, start_date, end_date FROM plans WHERE id = ?1;
SELECT id, name FROM leaders WHERE plan = ?1 ORDER BY position, id;
SELECT id, name FROM units WHERE plan = ?1 ORDER BY position, id;
SELECT id, ordinal, title FROM sections WHERE plan = ?1 ORDER BY position, id;
SELECT i.id, i.section, i.number, i.title, i.body, i.due FROM sections s JOIN items i ON i.section = s.id WHERE s.plan = ?1 ORDER BY s.position, s.id, i.position, i.id;
SELECT il.item, il.leader, 'lead' FROM sections s JOIN items i ON i.section = s.id JOIN item_leaders il ON il.item = i.id WHERE s.plan = ?1 ORDER BY s.position, s.id, i.position, i.id, il.position;
SELECT iu.item, iu.unit, iu.role FROM sections s JOIN items i ON i.section = s.id JOIN item_units iu ON iu.item = i.id WHERE s.plan = ?1 ORDER BY s.position, s.id, i.position, i.id, iu.role, iu.position;
SELECT u.item, u.id, u.date, u.completion, u.note, u.problems, u.next_steps, u.author FROM sections s JOIN items i ON i.section = s.id JOIN item_updates u ON u.item = i.id WHERE s.plan = ?1 ORDER BY s.position, s.id, i.position, i.id, u.date, u.id;
SELECT ind.item, ind.id, ind.name, ind.text, ind.kind, ind.target, ind.target_max, ind.unit, ind.baseline, ind.due, ind.weight FROM sections s JOIN items i ON i.section = s.id JOIN indicators ind ON ind.item = i.id WHERE s.plan = ?1 ORDER BY s.position, s.id, i.position, i.id, ind.position, ind.id;
SELECT ind.id, p.id, p.date, p.value, p.note, p.author FROM sections s JOIN items i ON i.section = s.id JOIN indicators ind ON ind.item = i.id JOIN progress p ON p.id = (SELECT p2.id FROM progress p2 WHERE p2.indicator = ind.id ORDER BY p2.date DESC, p2.id DESC LIMIT 1) WHERE s.plan = ?1 ORDER BY s.position, s.id, i.position, i.id, ind.position, ind.id;
COMMIT;
