-- A lane on a conversation dataset also says which assistant tokens its objective counts; older lanes counted
-- every response token, which is what every-turn means on a pair.
alter table lane add column answer_span varchar(32) default 'every-turn' not null;

-- The held-out NLL on every assistant turn beside the response NLL (the last turn on a conversation); on a pair
-- dataset the two are the same targets, so points measured before this column existed take the response NLL.
alter table metric_point add column every_turn_nll double precision;
update metric_point set every_turn_nll = response_nll;
alter table metric_point alter column every_turn_nll set not null;
