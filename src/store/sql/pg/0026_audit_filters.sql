-- 0026_audit_filters.sql: the audit log read by who, what or which object (issue 20: a province's log grows by a
-- row for every full view, millions a year). The log's page and its count filter on actor, action or object and
-- on the time, newest first; with only the time indexed, a page or a count filtered on an actor read every row
-- of the log (1.1-1.2 s for the count alone at 6.6 million rows). Each index leads with one filter's column,
-- then the id (the page's order) and the time (the date filter), so a filtered page and its count read one
-- range of one index; the store picks the object's, else the actor's, else the action's (store_audit_page).
-- It can run again over itself.
CREATE INDEX IF NOT EXISTS audit_actor ON audit (actor, id, at);
CREATE INDEX IF NOT EXISTS audit_action ON audit (action, id, at);
CREATE INDEX IF NOT EXISTS audit_object ON audit (object, id, at);
