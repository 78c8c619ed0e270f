-- Only the client holding the secret whose SHA-256 is stored here may cancel the comparison.
alter table comparison add column owner_hash varchar(64);

-- Submissions take this row's lock, so joining identical configs and the queue limits hold however many
-- requests (on however many instances) arrive at once.
create table submission_lock (id int primary key);
insert into submission_lock (id) values (1);
