-- A lane may plant one real pipeline bug (its key); null is the correct pipeline, which every earlier lane had.
alter table lane add column bug varchar(40);

-- Whether a greedy answer ended with end-of-text before the length limit, and the share of a step's answers that
-- did; unknown (null) for answers measured before LossLens recorded it.
alter table generation add column stopped boolean;
alter table metric_point add column stopped double precision;

-- The first step at which a lane's batch failed each pipeline check it failed; a lane with no row passed them all.
create table lane_check (
    comparison_id bigint      not null references comparison (id),
    lane_index    int         not null,
    check_key     varchar(40) not null,
    first_step    int         not null,
    primary key (comparison_id, lane_index, check_key)
);
