-- The fixed-window counters of complaints become the platform's, shared with the sign-up limit.
-- Keys now start with the limit's name; each row knows when its window ends, so the clean-up of one
-- limit never drops another limit's longer window.
alter table complaint_rate_limit rename to platform_rate_limit;
alter index complaint_rate_limit_pkey rename to platform_rate_limit_pkey;
alter table platform_rate_limit add column expires_at timestamptz not null default now() + interval '1 day';
create index platform_rate_limit_expiry_idx on platform_rate_limit (expires_at);
