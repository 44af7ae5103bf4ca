-- One store for every uploaded file (platform/files/FileStore): application documents and complaint
-- attachments both keep their bytes in file_chunk, numbered chunks of at most 256 KiB under a file id
-- that the feature's own row holds. Neither an upload nor a download holds a whole file in memory.

-- The application documents' chunk table (V16_1) becomes the shared one: renamed, its data untouched.
alter table application_document_chunk rename to file_chunk;
alter table file_chunk rename column content_id to file_id;
alter index application_document_chunk_pkey rename to file_chunk_pkey;
alter table file_chunk rename constraint application_document_chunk_seq_check to file_chunk_seq_check;
alter table file_chunk rename constraint application_document_chunk_data_check to file_chunk_data_check;
alter table application_document rename column content_id to file_id;
alter index application_document_content rename to application_document_file;

-- Complaint attachments move from one bytea value each into chunks of the same size.
alter table complaint_attachment add column file_id uuid;
update complaint_attachment set file_id = gen_random_uuid();
insert into file_chunk (file_id, seq, data)
    select a.file_id, s.seq, substring(a.content from s.seq * 262144 + 1 for 262144)
    from complaint_attachment a, generate_series(0, (length(a.content) - 1) / 262144) as s(seq);
alter table complaint_attachment alter column file_id set not null;
create unique index complaint_attachment_file on complaint_attachment (file_id);
alter table complaint_attachment drop column content;
