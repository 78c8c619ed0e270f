-- Who opened a session (the client's address), so that one client cannot open sessions without end; sessions are
-- deleted a while after they end, found by this index.
alter table class_session add column opened_by varchar(64);
create index class_session_expiry on class_session (expires_at);

-- Opening a session takes this row's lock, so the session caps hold however many requests (on however many
-- instances) arrive at once.
create table class_session_lock (id int primary key);
insert into class_session_lock (id) values (1);
