-- Peer instruction (vote, discuss, vote again): a poll's second round keeps the first round's answers here, one per
-- participant, and starts class_vote afresh. The right answer of a poll asked twice stays off the projector until the
-- presenter shows it (answer_shown).
alter table class_poll add column round int default 1 not null;
alter table class_poll add column answer_shown boolean default false not null;

create table class_first_vote (
    poll_id          bigint           not null references class_poll (id) on delete cascade,
    participant_hash varchar(64)      not null,
    choice           int,
    answer_number    double precision,
    constraint class_first_vote_once primary key (poll_id, participant_hash)
);
