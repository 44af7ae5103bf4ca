-- receiveNIB is idempotent per client: another integrator sending the same NIB and id_izin opens
-- its own draft, and never learns of the first one's.
alter table oss_permit
    drop constraint oss_permit_pkey,
    add primary key (client_id, nib, id_izin);
