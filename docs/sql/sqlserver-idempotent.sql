IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [migration_id] nvarchar(150) NOT NULL,
        [product_version] nvarchar(32) NOT NULL,
        CONSTRAINT [pk___ef_migrations_history] PRIMARY KEY ([migration_id])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_roles] (
        [id] nvarchar(450) NOT NULL,
        [name] nvarchar(256) NULL,
        [normalized_name] nvarchar(256) NULL,
        [concurrency_stamp] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_roles] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [contractors] (
        [id] uniqueidentifier NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [address_street] nvarchar(200) NOT NULL,
        [address_city] nvarchar(100) NOT NULL,
        [address_state] nvarchar(2) NOT NULL,
        [address_postal_code] nvarchar(10) NOT NULL,
        [contacts] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_contractors] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_role_claims] (
        [id] int NOT NULL IDENTITY,
        [role_id] nvarchar(450) NOT NULL,
        [claim_type] nvarchar(max) NULL,
        [claim_value] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_role_claims] PRIMARY KEY ([id]),
        CONSTRAINT [fk_asp_net_role_claims_asp_net_roles_role_id] FOREIGN KEY ([role_id]) REFERENCES [asp_net_roles] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_users] (
        [id] nvarchar(450) NOT NULL,
        [display_name] nvarchar(200) NOT NULL,
        [contractor_id] uniqueidentifier NULL,
        [user_name] nvarchar(256) NULL,
        [normalized_user_name] nvarchar(256) NULL,
        [email] nvarchar(256) NULL,
        [normalized_email] nvarchar(256) NULL,
        [email_confirmed] bit NOT NULL,
        [password_hash] nvarchar(max) NULL,
        [security_stamp] nvarchar(max) NULL,
        [concurrency_stamp] nvarchar(max) NULL,
        [phone_number] nvarchar(max) NULL,
        [phone_number_confirmed] bit NOT NULL,
        [two_factor_enabled] bit NOT NULL,
        [lockout_end] datetimeoffset NULL,
        [lockout_enabled] bit NOT NULL,
        [access_failed_count] int NOT NULL,
        CONSTRAINT [pk_asp_net_users] PRIMARY KEY ([id]),
        CONSTRAINT [fk_asp_net_users_contractors_contractor_id] FOREIGN KEY ([contractor_id]) REFERENCES [contractors] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [contracts] (
        [id] uniqueidentifier NOT NULL,
        [number] nvarchar(20) NOT NULL,
        [title] nvarchar(300) NOT NULL,
        [contractor_id] uniqueidentifier NOT NULL,
        [term_start] date NOT NULL,
        [term_end] date NOT NULL,
        [awarded_on] date NOT NULL,
        [terminated_on] date NULL,
        [settings_subcontracting] nvarchar(40) NOT NULL,
        [settings_chemical_notice_lead_time] bigint NOT NULL,
        [settings_mowing_cadence_days] int NOT NULL,
        [settings_crews_per_day] int NOT NULL,
        [settings_re_entry_buffer] bigint NOT NULL,
        [settings_work_calendar] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_contracts] PRIMARY KEY ([id]),
        CONSTRAINT [fk_contracts_contractors_contractor_id] FOREIGN KEY ([contractor_id]) REFERENCES [contractors] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [licences] (
        [id] uniqueidentifier NOT NULL,
        [contractor_id] uniqueidentifier NOT NULL,
        [holder] nvarchar(200) NOT NULL,
        [number] nvarchar(100) NOT NULL,
        [kind] nvarchar(200) NOT NULL,
        [expires_on] date NOT NULL,
        [reminder_email] nvarchar(320) NOT NULL,
        CONSTRAINT [pk_licences] PRIMARY KEY ([id]),
        CONSTRAINT [fk_licences_contractors_contractor_id] FOREIGN KEY ([contractor_id]) REFERENCES [contractors] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_user_claims] (
        [id] int NOT NULL IDENTITY,
        [user_id] nvarchar(450) NOT NULL,
        [claim_type] nvarchar(max) NULL,
        [claim_value] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_user_claims] PRIMARY KEY ([id]),
        CONSTRAINT [fk_asp_net_user_claims_asp_net_users_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_user_logins] (
        [login_provider] nvarchar(450) NOT NULL,
        [provider_key] nvarchar(450) NOT NULL,
        [provider_display_name] nvarchar(max) NULL,
        [user_id] nvarchar(450) NOT NULL,
        CONSTRAINT [pk_asp_net_user_logins] PRIMARY KEY ([login_provider], [provider_key]),
        CONSTRAINT [fk_asp_net_user_logins_asp_net_users_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_user_roles] (
        [user_id] nvarchar(450) NOT NULL,
        [role_id] nvarchar(450) NOT NULL,
        CONSTRAINT [pk_asp_net_user_roles] PRIMARY KEY ([user_id], [role_id]),
        CONSTRAINT [fk_asp_net_user_roles_asp_net_roles_role_id] FOREIGN KEY ([role_id]) REFERENCES [asp_net_roles] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_asp_net_user_roles_asp_net_users_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [asp_net_user_tokens] (
        [user_id] nvarchar(450) NOT NULL,
        [login_provider] nvarchar(450) NOT NULL,
        [name] nvarchar(450) NOT NULL,
        [value] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_user_tokens] PRIMARY KEY ([user_id], [login_provider], [name]),
        CONSTRAINT [fk_asp_net_user_tokens_asp_net_users_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [contract_specifications] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [version] int NOT NULL,
        [document] nvarchar(max) NOT NULL,
        [changed_by] nvarchar(256) NOT NULL,
        [changed_at] datetime2 NOT NULL,
        [reason] nvarchar(1000) NOT NULL,
        CONSTRAINT [pk_contract_specifications] PRIMARY KEY ([id]),
        CONSTRAINT [fk_contract_specifications_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [contract_year_facts] (
        [contract_id] uniqueidentifier NOT NULL,
        [year] int NOT NULL,
        [growth_start] date NULL,
        [dormancy] date NULL,
        CONSTRAINT [pk_contract_year_facts] PRIMARY KEY ([contract_id], [year]),
        CONSTRAINT [fk_contract_year_facts_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [occurrence_moves] (
        [occurrence_id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [to] date NOT NULL,
        [at_minute] int NULL,
        [emergency_reason] nvarchar(1000) NULL,
        CONSTRAINT [pk_occurrence_moves] PRIMARY KEY ([occurrence_id]),
        CONSTRAINT [fk_occurrence_moves_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [plan_fact_changes] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [cause] nvarchar(40) NOT NULL,
        [description] nvarchar(2000) NOT NULL,
        [reason] nvarchar(1000) NOT NULL,
        [changed_by] nvarchar(256) NOT NULL,
        [changed_at] datetime2 NOT NULL,
        CONSTRAINT [pk_plan_fact_changes] PRIMARY KEY ([id]),
        CONSTRAINT [fk_plan_fact_changes_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [price_lines] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [item] nvarchar(20) NOT NULL,
        [description] nvarchar(500) NOT NULL,
        [basis] nvarchar(20) NOT NULL,
        [unit] nvarchar(40) NOT NULL,
        [estimated_quantity] decimal(18,4) NOT NULL,
        [unit_price] decimal(18,4) NOT NULL,
        [is_sample] bit NOT NULL,
        CONSTRAINT [pk_price_lines] PRIMARY KEY ([id]),
        CONSTRAINT [fk_price_lines_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [season_windows] (
        [contract_id] uniqueidentifier NOT NULL,
        [season_key] nvarchar(40) NOT NULL,
        [default_start] nvarchar(max) NOT NULL,
        [default_end] nvarchar(max) NOT NULL,
        [overrides] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_season_windows] PRIMARY KEY ([contract_id], [season_key]),
        CONSTRAINT [fk_season_windows_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [sites] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [code] nvarchar(20) NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [address_street] nvarchar(200) NOT NULL,
        [address_city] nvarchar(100) NOT NULL,
        [address_state] nvarchar(2) NOT NULL,
        [address_postal_code] nvarchar(10) NOT NULL,
        [location_latitude] decimal(9,6) NOT NULL,
        [location_longitude] decimal(9,6) NOT NULL,
        CONSTRAINT [pk_sites] PRIMARY KEY ([id]),
        CONSTRAINT [fk_sites_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [plan_occurrence_changes] (
        [id] uniqueidentifier NOT NULL,
        [fact_change_id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [occurrence_id] uniqueidentifier NOT NULL,
        [what] nvarchar(200) NOT NULL,
        [planned_before] date NULL,
        [planned_after] date NULL,
        [status_before] nvarchar(40) NULL,
        [status_after] nvarchar(40) NULL,
        [fresh_notice_required] bit NOT NULL,
        CONSTRAINT [pk_plan_occurrence_changes] PRIMARY KEY ([id]),
        CONSTRAINT [fk_plan_occurrence_changes_plan_fact_changes_fact_change_id] FOREIGN KEY ([fact_change_id]) REFERENCES [plan_fact_changes] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [areas] (
        [id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [sport_seasons] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_areas] PRIMARY KEY ([id]),
        CONSTRAINT [fk_areas_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [calendar_feeds] (
        [id] uniqueidentifier NOT NULL,
        [owner_id] nvarchar(450) NOT NULL,
        [scope] nvarchar(40) NOT NULL,
        [contract_id] uniqueidentifier NULL,
        [site_id] uniqueidentifier NULL,
        [contractor_id] uniqueidentifier NULL,
        [name] nvarchar(200) NOT NULL,
        [token_hash] varbinary(32) NOT NULL,
        [created_at] datetime2 NOT NULL,
        [renewed_at] datetime2 NULL,
        [revoked_at] datetime2 NULL,
        CONSTRAINT [pk_calendar_feeds] PRIMARY KEY ([id]),
        CONSTRAINT [fk_calendar_feeds_asp_net_users_owner_id] FOREIGN KEY ([owner_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_calendar_feeds_contractors_contractor_id] FOREIGN KEY ([contractor_id]) REFERENCES [contractors] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_calendar_feeds_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_calendar_feeds_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [notice_recipients] (
        [id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [category] nvarchar(40) NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [email] nvarchar(320) NOT NULL,
        [is_sample] bit NOT NULL,
        [created_at] datetime2 NOT NULL,
        CONSTRAINT [pk_notice_recipients] PRIMARY KEY ([id]),
        CONSTRAINT [fk_notice_recipients_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [plan_occurrences] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [task_key] nvarchar(80) NOT NULL,
        [item_reference] nvarchar(20) NOT NULL,
        [season_key] nvarchar(40) NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [year] int NOT NULL,
        [series_number] int NOT NULL,
        [window_start] date NOT NULL,
        [window_end] date NOT NULL,
        [planned_date] date NULL,
        [status] nvarchar(40) NOT NULL,
        [is_chemical] bit NOT NULL,
        [application_starts_at] datetime2 NULL,
        [application_minutes] int NULL,
        [notice_due_by] datetime2 NULL,
        [emergency_reason] nvarchar(1000) NULL,
        [deliverable] nvarchar(500) NULL,
        [logged_on] date NULL,
        [detail] nvarchar(max) NOT NULL,
        [cancelled] bit NOT NULL,
        [revision] int NOT NULL,
        [calendar_sequence] int NOT NULL,
        [created_at] datetime2 NOT NULL,
        [last_modified] datetime2 NOT NULL,
        CONSTRAINT [pk_plan_occurrences] PRIMARY KEY ([id]),
        CONSTRAINT [fk_plan_occurrences_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_plan_occurrences_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [school_calendars] (
        [site_id] uniqueidentifier NOT NULL,
        [calendar] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_school_calendars] PRIMARY KEY ([site_id]),
        CONSTRAINT [fk_school_calendars_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [site_year_facts] (
        [site_id] uniqueidentifier NOT NULL,
        [year] int NOT NULL,
        [end_of_fall_sports] date NULL,
        CONSTRAINT [pk_site_year_facts] PRIMARY KEY ([site_id], [year]),
        CONSTRAINT [fk_site_year_facts_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [work_logs] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [contractor_id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [idempotency_key] nvarchar(100) NOT NULL,
        [current_version] int NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [emergency_application] bit NOT NULL,
        [submitted_by] nvarchar(256) NOT NULL,
        [submitted_at] datetime2 NOT NULL,
        CONSTRAINT [pk_work_logs] PRIMARY KEY ([id]),
        CONSTRAINT [fk_work_logs_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_work_logs_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [chemical_notices] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [occurrence_id] uniqueidentifier NOT NULL,
        [version] int NOT NULL,
        [application_starts_at] datetime2 NOT NULL,
        [application_date_named] date NOT NULL,
        [due_by] datetime2 NOT NULL,
        [decided_at] datetime2 NOT NULL,
        [recipient_count] int NOT NULL,
        [first_accepted_at] datetime2 NULL,
        CONSTRAINT [pk_chemical_notices] PRIMARY KEY ([id]),
        CONSTRAINT [fk_chemical_notices_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_chemical_notices_plan_occurrences_occurrence_id] FOREIGN KEY ([occurrence_id]) REFERENCES [plan_occurrences] ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [deliverables] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [occurrence_id] uniqueidentifier NOT NULL,
        [name] nvarchar(500) NOT NULL,
        [recipient] nvarchar(500) NOT NULL,
        [due_on] date NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [document_file_name] nvarchar(255) NOT NULL,
        [document_content_type] nvarchar(100) NOT NULL,
        [document_sha256] nvarchar(64) NOT NULL,
        [document_length] bigint NOT NULL,
        [handed_in_on] date NOT NULL,
        [steps] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_deliverables] PRIMARY KEY ([id]),
        CONSTRAINT [fk_deliverables_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_deliverables_plan_occurrences_occurrence_id] FOREIGN KEY ([occurrence_id]) REFERENCES [plan_occurrences] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_deliverables_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [notice_records] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [occurrence_id] uniqueidentifier NOT NULL,
        [sent_at] datetime2 NOT NULL,
        [application_date_named] date NOT NULL,
        [channel] nvarchar(20) NOT NULL,
        [recorded_by] nvarchar(256) NOT NULL,
        [recorded_at] datetime2 NOT NULL,
        CONSTRAINT [pk_notice_records] PRIMARY KEY ([id]),
        CONSTRAINT [fk_notice_records_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_notice_records_plan_occurrences_occurrence_id] FOREIGN KEY ([occurrence_id]) REFERENCES [plan_occurrences] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [deficiencies] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NULL,
        [area_ids] nvarchar(max) NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [occurrence_id] uniqueidentifier NULL,
        [work_log_id] uniqueidentifier NULL,
        [work_log_version] int NULL,
        [evidence] nvarchar(2000) NOT NULL,
        [dedup_key] nvarchar(200) NULL,
        [raised_by_party] nvarchar(20) NOT NULL,
        [raised_by] nvarchar(256) NOT NULL,
        [raised_at] datetime2 NOT NULL,
        [found_on] date NOT NULL,
        [status] nvarchar(20) NOT NULL,
        CONSTRAINT [pk_deficiencies] PRIMARY KEY ([id]),
        CONSTRAINT [fk_deficiencies_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_deficiencies_plan_occurrences_occurrence_id] FOREIGN KEY ([occurrence_id]) REFERENCES [plan_occurrences] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_deficiencies_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_deficiencies_work_logs_work_log_id] FOREIGN KEY ([work_log_id]) REFERENCES [work_logs] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [work_log_events] (
        [id] uniqueidentifier NOT NULL,
        [work_log_id] uniqueidentifier NOT NULL,
        [action] nvarchar(20) NOT NULL,
        [version] int NOT NULL,
        [status_after] nvarchar(20) NOT NULL,
        [by] nvarchar(256) NOT NULL,
        [at] datetime2 NOT NULL,
        [text] nvarchar(2000) NULL,
        CONSTRAINT [pk_work_log_events] PRIMARY KEY ([id]),
        CONSTRAINT [fk_work_log_events_work_logs_work_log_id] FOREIGN KEY ([work_log_id]) REFERENCES [work_logs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [work_log_photos] (
        [id] uniqueidentifier NOT NULL,
        [work_log_id] uniqueidentifier NOT NULL,
        [version] int NOT NULL,
        [file_name] nvarchar(255) NOT NULL,
        [content_type] nvarchar(40) NOT NULL,
        [size_bytes] bigint NOT NULL,
        [sha256] nvarchar(64) NOT NULL,
        [storage_path] nvarchar(200) NOT NULL,
        [uploaded_by] nvarchar(256) NOT NULL,
        [uploaded_at] datetime2 NOT NULL,
        CONSTRAINT [pk_work_log_photos] PRIMARY KEY ([id]),
        CONSTRAINT [fk_work_log_photos_work_logs_work_log_id] FOREIGN KEY ([work_log_id]) REFERENCES [work_logs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [work_log_versions] (
        [id] uniqueidentifier NOT NULL,
        [work_log_id] uniqueidentifier NOT NULL,
        [version] int NOT NULL,
        [work_date] date NOT NULL,
        [started_at] datetime2 NOT NULL,
        [finished_at] datetime2 NOT NULL,
        [crew] nvarchar(max) NOT NULL,
        [notes] nvarchar(4000) NULL,
        [occurrence_ids] nvarchar(max) NOT NULL,
        [heights] nvarchar(max) NOT NULL,
        [application] nvarchar(max) NULL,
        [recorded_by] nvarchar(256) NOT NULL,
        [recorded_at] datetime2 NOT NULL,
        [why] nvarchar(1000) NULL,
        CONSTRAINT [pk_work_log_versions] PRIMARY KEY ([id]),
        CONSTRAINT [fk_work_log_versions_work_logs_work_log_id] FOREIGN KEY ([work_log_id]) REFERENCES [work_logs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [outbox_messages] (
        [id] uniqueidentifier NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [dedup_key] nvarchar(400) NOT NULL,
        [chemical_notice_id] uniqueidentifier NULL,
        [to_address] nvarchar(320) NOT NULL,
        [to_name] nvarchar(200) NOT NULL,
        [subject] nvarchar(400) NOT NULL,
        [body] nvarchar(max) NOT NULL,
        [created_at] datetime2 NOT NULL,
        [attempts] int NOT NULL,
        [next_attempt_at] datetime2 NOT NULL,
        [claimed_by] nvarchar(200) NULL,
        [claimed_until] datetime2 NULL,
        [sent_at] datetime2 NULL,
        [gave_up_at] datetime2 NULL,
        [last_error] nvarchar(2000) NULL,
        CONSTRAINT [pk_outbox_messages] PRIMARY KEY ([id]),
        CONSTRAINT [fk_outbox_messages_chemical_notices_chemical_notice_id] FOREIGN KEY ([chemical_notice_id]) REFERENCES [chemical_notices] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE TABLE [deficiency_steps] (
        [id] uniqueidentifier NOT NULL,
        [deficiency_id] uniqueidentifier NOT NULL,
        [action] nvarchar(20) NOT NULL,
        [status_after] nvarchar(20) NOT NULL,
        [party] nvarchar(20) NOT NULL,
        [by] nvarchar(256) NOT NULL,
        [at] datetime2 NOT NULL,
        [text] nvarchar(2000) NOT NULL,
        [cure_work_log_id] uniqueidentifier NULL,
        CONSTRAINT [pk_deficiency_steps] PRIMARY KEY ([id]),
        CONSTRAINT [fk_deficiency_steps_deficiencies_deficiency_id] FOREIGN KEY ([deficiency_id]) REFERENCES [deficiencies] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_deficiency_steps_work_logs_cure_work_log_id] FOREIGN KEY ([cure_work_log_id]) REFERENCES [work_logs] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_areas_site_id] ON [areas] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_asp_net_role_claims_role_id] ON [asp_net_role_claims] ([role_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [role_name_index] ON [asp_net_roles] ([normalized_name]) WHERE [normalized_name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_asp_net_user_claims_user_id] ON [asp_net_user_claims] ([user_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_asp_net_user_logins_user_id] ON [asp_net_user_logins] ([user_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_asp_net_user_roles_role_id] ON [asp_net_user_roles] ([role_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [email_index] ON [asp_net_users] ([normalized_email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_asp_net_users_contractor_id] ON [asp_net_users] ([contractor_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [user_name_index] ON [asp_net_users] ([normalized_user_name]) WHERE [normalized_user_name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_calendar_feeds_contract_id] ON [calendar_feeds] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_calendar_feeds_contractor_id] ON [calendar_feeds] ([contractor_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_calendar_feeds_owner_id] ON [calendar_feeds] ([owner_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_calendar_feeds_site_id] ON [calendar_feeds] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_calendar_feeds_token_hash] ON [calendar_feeds] ([token_hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_chemical_notices_contract_id] ON [chemical_notices] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_chemical_notices_occurrence_id_version] ON [chemical_notices] ([occurrence_id], [version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_contract_specifications_contract_id_version] ON [contract_specifications] ([contract_id], [version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_contractors_name] ON [contractors] ([name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_contracts_contractor_id] ON [contracts] ([contractor_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_contracts_number] ON [contracts] ([number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deficiencies_contract_id_status] ON [deficiencies] ([contract_id], [status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ix_deficiencies_dedup_key] ON [deficiencies] ([dedup_key]) WHERE [dedup_key] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deficiencies_occurrence_id] ON [deficiencies] ([occurrence_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deficiencies_site_id] ON [deficiencies] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deficiencies_work_log_id] ON [deficiencies] ([work_log_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deficiency_steps_cure_work_log_id] ON [deficiency_steps] ([cure_work_log_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deficiency_steps_deficiency_id] ON [deficiency_steps] ([deficiency_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deliverables_contract_id] ON [deliverables] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_deliverables_occurrence_id] ON [deliverables] ([occurrence_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_deliverables_site_id] ON [deliverables] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_licences_contractor_id] ON [licences] ([contractor_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_licences_expires_on] ON [licences] ([expires_on]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_notice_recipients_site_id_category_email] ON [notice_recipients] ([site_id], [category], [email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_notice_records_contract_id] ON [notice_records] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_notice_records_occurrence_id] ON [notice_records] ([occurrence_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_occurrence_moves_contract_id] ON [occurrence_moves] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_outbox_messages_chemical_notice_id] ON [outbox_messages] ([chemical_notice_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_outbox_messages_dedup_key] ON [outbox_messages] ([dedup_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_outbox_messages_sent_at_next_attempt_at] ON [outbox_messages] ([sent_at], [next_attempt_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_plan_fact_changes_contract_id_changed_at] ON [plan_fact_changes] ([contract_id], [changed_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_plan_occurrence_changes_contract_id] ON [plan_occurrence_changes] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_plan_occurrence_changes_fact_change_id] ON [plan_occurrence_changes] ([fact_change_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_plan_occurrence_changes_occurrence_id] ON [plan_occurrence_changes] ([occurrence_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_plan_occurrences_contract_id_planned_date] ON [plan_occurrences] ([contract_id], [planned_date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_plan_occurrences_site_id] ON [plan_occurrences] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_price_lines_contract_id] ON [price_lines] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_sites_contract_id_code] ON [sites] ([contract_id], [code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_work_log_events_work_log_id] ON [work_log_events] ([work_log_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_work_log_photos_work_log_id] ON [work_log_photos] ([work_log_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_work_log_versions_work_log_id_version] ON [work_log_versions] ([work_log_id], [version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_work_logs_contract_id_status] ON [work_logs] ([contract_id], [status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_work_logs_contractor_id_idempotency_key] ON [work_logs] ([contractor_id], [idempotency_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    CREATE INDEX [ix_work_logs_site_id] ON [work_logs] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129072825_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129072825_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    ALTER TABLE [outbox_messages] ADD [attachment_content_type] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    ALTER TABLE [outbox_messages] ADD [attachment_file_name] nvarchar(255) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    ALTER TABLE [outbox_messages] ADD [attachment_sha256] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE TABLE [performance_cases] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [term_end] date NOT NULL,
        [status] nvarchar(30) NOT NULL,
        [meeting_on] date NULL,
        [meeting_place] nvarchar(300) NOT NULL,
        [meeting_attendees] nvarchar(max) NOT NULL,
        [meeting_held_on] date NULL,
        [meeting_minutes] nvarchar(max) NULL,
        [contractor_response] nvarchar(max) NULL,
        [remedial_period_starts_on] date NULL,
        [remedial_period_ends_on] date NULL,
        [cure_notice_sent_at] datetime2 NULL,
        CONSTRAINT [pk_performance_cases] PRIMARY KEY ([id]),
        CONSTRAINT [fk_performance_cases_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE TABLE [case_documents] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [case_id] uniqueidentifier NULL,
        [step_id] uniqueidentifier NULL,
        [kind] nvarchar(30) NOT NULL,
        [file_name] nvarchar(255) NOT NULL,
        [content_type] nvarchar(100) NOT NULL,
        [sha256] nvarchar(64) NOT NULL,
        [length] bigint NOT NULL,
        [added_by] nvarchar(256) NOT NULL,
        [added_at] datetime2 NOT NULL,
        CONSTRAINT [pk_case_documents] PRIMARY KEY ([id]),
        CONSTRAINT [fk_case_documents_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_case_documents_performance_cases_case_id] FOREIGN KEY ([case_id]) REFERENCES [performance_cases] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE TABLE [contract_terminations] (
        [contract_id] uniqueidentifier NOT NULL,
        [kind] nvarchar(20) NOT NULL,
        [reason] nvarchar(30) NULL,
        [notice_on] date NULL,
        [effective_on] date NOT NULL,
        [party] nvarchar(20) NOT NULL,
        [by] nvarchar(256) NOT NULL,
        [at] datetime2 NOT NULL,
        [text] nvarchar(max) NOT NULL,
        [documents] nvarchar(max) NOT NULL,
        [case_id] uniqueidentifier NULL,
        CONSTRAINT [pk_contract_terminations] PRIMARY KEY ([contract_id]),
        CONSTRAINT [fk_contract_terminations_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_contract_terminations_performance_cases_case_id] FOREIGN KEY ([case_id]) REFERENCES [performance_cases] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE TABLE [performance_case_deficiencies] (
        [deficiency_id] uniqueidentifier NOT NULL,
        [case_id] uniqueidentifier NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [evidence] nvarchar(2000) NOT NULL,
        [found_on] date NOT NULL,
        [status_when_named] nvarchar(20) NOT NULL,
        [cured_means] nvarchar(2000) NULL,
        [cured] bit NULL,
        [inspected_on] date NULL,
        CONSTRAINT [pk_performance_case_deficiencies] PRIMARY KEY ([case_id], [deficiency_id]),
        CONSTRAINT [fk_performance_case_deficiencies_deficiencies_deficiency_id] FOREIGN KEY ([deficiency_id]) REFERENCES [deficiencies] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_performance_case_deficiencies_performance_cases_case_id] FOREIGN KEY ([case_id]) REFERENCES [performance_cases] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE TABLE [performance_case_steps] (
        [id] uniqueidentifier NOT NULL,
        [case_id] uniqueidentifier NOT NULL,
        [action] nvarchar(30) NOT NULL,
        [command] nvarchar(max) NULL,
        [status_after] nvarchar(30) NOT NULL,
        [party] nvarchar(20) NOT NULL,
        [by] nvarchar(256) NOT NULL,
        [at] datetime2 NOT NULL,
        [text] nvarchar(max) NOT NULL,
        [documents] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_performance_case_steps] PRIMARY KEY ([id]),
        CONSTRAINT [fk_performance_case_steps_performance_cases_case_id] FOREIGN KEY ([case_id]) REFERENCES [performance_cases] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE INDEX [ix_case_documents_case_id] ON [case_documents] ([case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE INDEX [ix_case_documents_contract_id] ON [case_documents] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ix_contract_terminations_case_id] ON [contract_terminations] ([case_id]) WHERE [case_id] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE INDEX [ix_performance_case_deficiencies_deficiency_id] ON [performance_case_deficiencies] ([deficiency_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE INDEX [ix_performance_case_steps_case_id] ON [performance_case_steps] ([case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    CREATE INDEX [ix_performance_cases_contract_id_status] ON [performance_cases] ([contract_id], [status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129090705_PerformanceCases'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129090705_PerformanceCases', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    ALTER TABLE [deficiencies] ADD [inspection_id] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    ALTER TABLE [contracts] ADD [settings_response_days] int NOT NULL DEFAULT 5;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    CREATE TABLE [deficiency_photos] (
        [id] uniqueidentifier NOT NULL,
        [deficiency_id] uniqueidentifier NOT NULL,
        [sha256] nvarchar(64) NOT NULL,
        [file_name] nvarchar(255) NOT NULL,
        [content_type] nvarchar(40) NOT NULL,
        [size_bytes] bigint NOT NULL,
        CONSTRAINT [pk_deficiency_photos] PRIMARY KEY ([id]),
        CONSTRAINT [fk_deficiency_photos_deficiencies_deficiency_id] FOREIGN KEY ([deficiency_id]) REFERENCES [deficiencies] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    CREATE TABLE [inspections] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [inspected_on] date NOT NULL,
        [inspected_by_party] nvarchar(20) NOT NULL,
        [inspected_by] nvarchar(256) NOT NULL,
        [recorded_at] datetime2 NOT NULL,
        [lines] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_inspections] PRIMARY KEY ([id]),
        CONSTRAINT [fk_inspections_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_inspections_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    CREATE INDEX [ix_deficiencies_inspection_id] ON [deficiencies] ([inspection_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    CREATE INDEX [ix_deficiency_photos_deficiency_id] ON [deficiency_photos] ([deficiency_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    CREATE INDEX [ix_inspections_contract_id_inspected_on] ON [inspections] ([contract_id], [inspected_on]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    CREATE INDEX [ix_inspections_site_id] ON [inspections] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    ALTER TABLE [deficiencies] ADD CONSTRAINT [fk_deficiencies_inspections_inspection_id] FOREIGN KEY ([inspection_id]) REFERENCES [inspections] ([id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129101501_Inspections'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129101501_Inspections', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129102706_PerformanceWatchSettings'
)
BEGIN
    CREATE TABLE [performance_watch_settings] (
        [contract_id] uniqueidentifier NOT NULL,
        [upheld_threshold] int NOT NULL,
        [window_days] int NOT NULL,
        [any_application_without_notice] bit NOT NULL,
        [changed_by] nvarchar(256) NOT NULL,
        [changed_at] datetime2 NOT NULL,
        CONSTRAINT [pk_performance_watch_settings] PRIMARY KEY ([contract_id]),
        CONSTRAINT [fk_performance_watch_settings_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129102706_PerformanceWatchSettings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129102706_PerformanceWatchSettings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    ALTER TABLE [price_lines] ADD [covers] nvarchar(max) NOT NULL DEFAULT ('[]');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    ALTER TABLE [price_lines] ADD [deduction_value] decimal(18,2) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    ALTER TABLE [price_lines] ADD [site_id] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [billing_adjustments] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [on] date NOT NULL,
        [amount] decimal(18,2) NOT NULL,
        [reason] nvarchar(2000) NOT NULL,
        [added_by] nvarchar(256) NOT NULL,
        [added_at] datetime2 NOT NULL,
        CONSTRAINT [pk_billing_adjustments] PRIMARY KEY ([id]),
        CONSTRAINT [fk_billing_adjustments_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [billing_settings] (
        [contract_id] uniqueidentifier NOT NULL,
        [proration] nvarchar(30) NOT NULL,
        [payment_days] int NOT NULL,
        [dispute_days] int NOT NULL,
        [damages_rates] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_billing_settings] PRIMARY KEY ([contract_id]),
        CONSTRAINT [fk_billing_settings_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [damages_assessments] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [deficiency_id] uniqueidentifier NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [schedule_amount] decimal(18,2) NOT NULL,
        [amount] decimal(18,2) NOT NULL,
        [is_sample_rate] bit NOT NULL,
        [evidence] nvarchar(4000) NOT NULL,
        [assessed_by] nvarchar(256) NOT NULL,
        [assessed_at] datetime2 NOT NULL,
        [assessed_on] date NOT NULL,
        [dispute_by] date NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [dispute_reason] nvarchar(4000) NULL,
        [disputed_by] nvarchar(256) NULL,
        [disputed_on] date NULL,
        [decided_by] nvarchar(256) NULL,
        [decided_on] date NULL,
        [decision_reason] nvarchar(4000) NULL,
        [reduced_to] decimal(18,2) NULL,
        CONSTRAINT [pk_damages_assessments] PRIMARY KEY ([id]),
        CONSTRAINT [fk_damages_assessments_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_damages_assessments_deficiencies_deficiency_id] FOREIGN KEY ([deficiency_id]) REFERENCES [deficiencies] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [invoices] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [contractor_id] uniqueidentifier NOT NULL,
        [period_number] int NOT NULL,
        [period_start] date NOT NULL,
        [period_end] date NOT NULL,
        [payable_from] date NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [version] int NOT NULL,
        [contractor_note] nvarchar(2000) NULL,
        [submitted_by] nvarchar(256) NOT NULL,
        [submitted_at] datetime2 NOT NULL,
        [certified_by] nvarchar(256) NULL,
        [approved_by] nvarchar(256) NULL,
        [approved_on] date NULL,
        [due_on] date NULL,
        [return_reason] nvarchar(2000) NULL,
        [paid_on] date NULL,
        [payment_method] nvarchar(40) NULL,
        [payment_reference] nvarchar(100) NULL,
        [net] decimal(18,2) NOT NULL,
        [carried_out] decimal(18,2) NOT NULL,
        CONSTRAINT [pk_invoices] PRIMARY KEY ([id]),
        CONSTRAINT [fk_invoices_contractors_contractor_id] FOREIGN KEY ([contractor_id]) REFERENCES [contractors] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [fk_invoices_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [price_line_revisions] (
        [id] uniqueidentifier NOT NULL,
        [price_line_id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [revision] int NOT NULL,
        [description] nvarchar(500) NOT NULL,
        [unit] nvarchar(40) NOT NULL,
        [estimated_quantity] decimal(18,4) NOT NULL,
        [unit_price] decimal(18,2) NOT NULL,
        [deduction_value] decimal(18,2) NULL,
        [covers] nvarchar(500) NOT NULL,
        [is_sample] bit NOT NULL,
        [reason] nvarchar(2000) NOT NULL,
        [changed_by] nvarchar(256) NOT NULL,
        [changed_at] datetime2 NOT NULL,
        CONSTRAINT [pk_price_line_revisions] PRIMARY KEY ([id]),
        CONSTRAINT [fk_price_line_revisions_price_lines_price_line_id] FOREIGN KEY ([price_line_id]) REFERENCES [price_lines] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [invoice_lines] (
        [id] uniqueidentifier NOT NULL,
        [number] int NOT NULL,
        [kind] nvarchar(30) NOT NULL,
        [description] nvarchar(1000) NOT NULL,
        [amount] decimal(18,2) NOT NULL,
        [price_line_id] uniqueidentifier NULL,
        [quantity] decimal(18,4) NULL,
        [unit_price] decimal(18,2) NULL,
        [excluded] bit NOT NULL,
        [exclusion_reason] nvarchar(2000) NULL,
        [invoice_id] uniqueidentifier NOT NULL,
        [source_ids] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_invoice_lines] PRIMARY KEY ([id]),
        CONSTRAINT [fk_invoice_lines_invoices_invoice_id] FOREIGN KEY ([invoice_id]) REFERENCES [invoices] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE TABLE [invoice_steps] (
        [invoice_id] uniqueidentifier NOT NULL,
        [sequence] int NOT NULL,
        [action] nvarchar(20) NOT NULL,
        [by] nvarchar(256) NOT NULL,
        [at] datetime2 NOT NULL,
        [reason] nvarchar(2000) NULL,
        CONSTRAINT [pk_invoice_steps] PRIMARY KEY ([invoice_id], [sequence]),
        CONSTRAINT [fk_invoice_steps_invoices_invoice_id] FOREIGN KEY ([invoice_id]) REFERENCES [invoices] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE INDEX [ix_price_lines_site_id] ON [price_lines] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE INDEX [ix_billing_adjustments_contract_id] ON [billing_adjustments] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE INDEX [ix_damages_assessments_contract_id] ON [damages_assessments] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE UNIQUE INDEX [ix_damages_assessments_deficiency_id] ON [damages_assessments] ([deficiency_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE INDEX [ix_invoice_lines_invoice_id] ON [invoice_lines] ([invoice_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE UNIQUE INDEX [ix_invoices_contract_id_period_number] ON [invoices] ([contract_id], [period_number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE INDEX [ix_invoices_contractor_id] ON [invoices] ([contractor_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE INDEX [ix_invoices_status_due_on] ON [invoices] ([status], [due_on]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    CREATE UNIQUE INDEX [ix_price_line_revisions_price_line_id_revision] ON [price_line_revisions] ([price_line_id], [revision]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    ALTER TABLE [price_lines] ADD CONSTRAINT [fk_price_lines_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129115434_Billing'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129115434_Billing', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [added_at] datetime2 NOT NULL DEFAULT '0001-01-01T00:00:00.0000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [added_by] nvarchar(256) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [category] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [holder_is_firm] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [is_sample] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [issued_on] date NOT NULL DEFAULT '0001-01-01';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [issuer] nvarchar(200) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [scan_content_type] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [scan_file_name] nvarchar(255) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [scan_length] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    ALTER TABLE [licences] ADD [scan_sha256] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    UPDATE licences SET
        category = CASE WHEN (LOWER(kind) LIKE '%pesticide%' OR LOWER(kind) LIKE '%applicator%') THEN SUBSTRING(kind, 1, 100) ELSE NULL END,
        issuer = 'Not recorded',
        kind = CASE
            WHEN LOWER(kind) LIKE '%irrigat%' THEN 'Irrigation'
            WHEN (LOWER(kind) LIKE '%pesticide%' OR LOWER(kind) LIKE '%applicator%') AND LOWER(kind) LIKE '%supervis%' THEN 'PesticideSupervisory'
            WHEN (LOWER(kind) LIKE '%pesticide%' OR LOWER(kind) LIKE '%applicator%') THEN 'PesticideOperator'
            WHEN LOWER(kind) LIKE '%supervis%' THEN 'Supervisor'
            ELSE 'Business' END
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[licences]') AND [c].[name] = N'kind');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [licences] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [licences] ALTER COLUMN [kind] nvarchar(40) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    CREATE TABLE [insurance_requirements] (
        [contract_id] uniqueidentifier NOT NULL,
        [coverages] nvarchar(max) NOT NULL,
        [minimum_rating] nvarchar(20) NOT NULL,
        [notice_of_cancellation_days] int NOT NULL,
        [certificate_due_days] int NOT NULL,
        [lapse_opens_case] bit NOT NULL,
        [changed_by] nvarchar(256) NOT NULL,
        [changed_at] datetime2 NOT NULL,
        CONSTRAINT [pk_insurance_requirements] PRIMARY KEY ([contract_id]),
        CONSTRAINT [fk_insurance_requirements_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    CREATE TABLE [subcontract_requests] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [subcontractor_name] nvarchar(200) NOT NULL,
        [subcontractor_address] nvarchar(500) NOT NULL,
        [subcontractor_contact] nvarchar(200) NULL,
        [requested_on] date NOT NULL,
        [requested_by] nvarchar(256) NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [decided_on] date NULL,
        [decided_by] nvarchar(256) NULL,
        [reason] nvarchar(2000) NULL,
        [item_references] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_subcontract_requests] PRIMARY KEY ([id]),
        CONSTRAINT [fk_subcontract_requests_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    CREATE TABLE [insurance_certificates] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [subcontract_request_id] uniqueidentifier NULL,
        [issued_on] date NOT NULL,
        [producer_name] nvarchar(200) NOT NULL,
        [producer_address] nvarchar(500) NOT NULL,
        [insured_name] nvarchar(200) NOT NULL,
        [insured_address] nvarchar(500) NOT NULL,
        [holder_name] nvarchar(200) NOT NULL,
        [holder_address] nvarchar(500) NOT NULL,
        [description_of_operations] nvarchar(4000) NOT NULL,
        [cancellation_notice_days] int NOT NULL,
        [insurers] nvarchar(max) NOT NULL,
        [coverages] nvarchar(max) NOT NULL,
        [submitted_on] date NOT NULL,
        [submitted_by] nvarchar(256) NOT NULL,
        [submitted_at] datetime2 NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [reviewed_on] date NULL,
        [reviewed_by] nvarchar(256) NULL,
        [rejection_reason] nvarchar(2000) NULL,
        [document_file_name] nvarchar(255) NOT NULL,
        [document_content_type] nvarchar(100) NOT NULL,
        [document_sha256] nvarchar(64) NOT NULL,
        [document_length] bigint NOT NULL,
        [is_sample] bit NOT NULL,
        [version] int NOT NULL,
        CONSTRAINT [pk_insurance_certificates] PRIMARY KEY ([id]),
        CONSTRAINT [fk_insurance_certificates_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_insurance_certificates_subcontract_requests_subcontract_request_id] FOREIGN KEY ([subcontract_request_id]) REFERENCES [subcontract_requests] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    CREATE INDEX [ix_insurance_certificates_contract_id_status] ON [insurance_certificates] ([contract_id], [status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    CREATE INDEX [ix_insurance_certificates_subcontract_request_id] ON [insurance_certificates] ([subcontract_request_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    CREATE INDEX [ix_subcontract_requests_contract_id] ON [subcontract_requests] ([contract_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129142636_Compliance'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129142636_Compliance', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129143531_WorkLogSubcontractor'
)
BEGIN
    ALTER TABLE [work_log_versions] ADD [subcontractor] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129143531_WorkLogSubcontractor'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129143531_WorkLogSubcontractor', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129175503_CalendarSources'
)
BEGIN
    CREATE TABLE [calendar_sources] (
        [id] uniqueidentifier NOT NULL,
        [contract_id] uniqueidentifier NOT NULL,
        [site_id] uniqueidentifier NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [url] nvarchar(2000) NULL,
        [file_name] nvarchar(260) NULL,
        [areas] nvarchar(max) NOT NULL,
        [content] nvarchar(max) NULL,
        [e_tag] nvarchar(500) NULL,
        [last_modified_header] nvarchar(100) NULL,
        [imported] nvarchar(max) NOT NULL,
        [imported_at] datetime2 NULL,
        [added_by] nvarchar(256) NOT NULL,
        [added_at] datetime2 NOT NULL,
        CONSTRAINT [pk_calendar_sources] PRIMARY KEY ([id]),
        CONSTRAINT [fk_calendar_sources_contracts_contract_id] FOREIGN KEY ([contract_id]) REFERENCES [contracts] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_calendar_sources_sites_site_id] FOREIGN KEY ([site_id]) REFERENCES [sites] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129175503_CalendarSources'
)
BEGIN
    CREATE TABLE [calendar_refreshes] (
        [id] uniqueidentifier NOT NULL,
        [source_id] uniqueidentifier NOT NULL,
        [at] datetime2 NOT NULL,
        [outcome] nvarchar(40) NOT NULL,
        [http_status] int NULL,
        [error] nvarchar(2000) NULL,
        [events] int NULL,
        CONSTRAINT [pk_calendar_refreshes] PRIMARY KEY ([id]),
        CONSTRAINT [fk_calendar_refreshes_calendar_sources_source_id] FOREIGN KEY ([source_id]) REFERENCES [calendar_sources] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129175503_CalendarSources'
)
BEGIN
    CREATE INDEX [ix_calendar_refreshes_source_id_at] ON [calendar_refreshes] ([source_id], [at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129175503_CalendarSources'
)
BEGIN
    CREATE INDEX [ix_calendar_sources_contract_id_site_id] ON [calendar_sources] ([contract_id], [site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129175503_CalendarSources'
)
BEGIN
    CREATE INDEX [ix_calendar_sources_site_id] ON [calendar_sources] ([site_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [migration_id] = N'20261129175503_CalendarSources'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
    VALUES (N'20261129175503_CalendarSources', N'10.0.15');
END;

COMMIT;
GO

