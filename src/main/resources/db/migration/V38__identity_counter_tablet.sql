-- A counter tablet: a device client of one site that shows the survey of the ticket its counter has just finished.
alter table identity_api_client drop constraint identity_api_client_kind_check;
alter table identity_api_client add constraint identity_api_client_kind_check
    check (kind in ('integrator', 'kiosk', 'drive_thru', 'display_board', 'counter_tablet'));
