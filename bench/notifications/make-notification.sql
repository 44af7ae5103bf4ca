-- What the notification trigger and the reminder job run, as one transaction per notification:
-- notification_make writes the notification, its send on each channel the account has, and the
-- notification.created event that wakes the dispatcher. One account with an SMS channel (pgbench
-- substitutes :account as text, hence the quotes).
select notification_make(':account'::uuid, 'application-state',
                         jsonb_build_object('trackingNumber', 'BDG-261204-BENCH' || (random() * 100000)::int,
                                            'state', 'SUBMITTED'),
                         'MPP-BDG', null, null);
