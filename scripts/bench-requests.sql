-- Bulk load of scripts/bench-common.sh (bench_load_requests), as the owner: 302 more parties (311 with the demo),
-- 100,000 requests with two timeline events each in Östersund and 50 in every other party.
INSERT INTO parties (id, slug, name, kind, entra_tenant_ids, is_active, "Settings")
SELECT gen_random_uuid(), 'bench-' || i, 'Bänkkommun ' || i, 'Kommun', '{}', true, (SELECT "Settings" FROM parties WHERE slug = 'ostersund')
FROM generate_series(1, 302) i;
-- Each party gets one controller if it has none.
INSERT INTO data_controllers (id, party_id, name, kind, is_active, version)
SELECT gen_random_uuid(), p.id, 'Kommunstyrelsen', 'Namnd', true, gen_random_uuid()
FROM parties p WHERE NOT EXISTS (SELECT 1 FROM data_controllers c WHERE c.party_id = p.id);
CREATE TEMP TABLE bench_load AS
SELECT p.id AS party_id, (SELECT c.id FROM data_controllers c WHERE c.party_id = p.id ORDER BY c.name LIMIT 1) AS controller_id,
       CASE WHEN p.slug = 'ostersund' THEN 100000 ELSE 50 END AS how_many
FROM parties p;
INSERT INTO requests (id, party_id, case_number, received_at, channel, controller_id, rights, requester_name, email, protected_identity,
                      status, clock_start_on, due_on, extended_due_on, effective_due_on, version, assigned_officer_id)
SELECT gen_random_uuid(), b.party_id, 'BENCH ' || (2020 + i % 7) || '/' || lpad(i::text, 6, '0'),
       r.received, (ARRAY['Letter','Email','EService','Visit','Phone'])[1 + i % 5], b.controller_id, 1 << (i % 6),
       'Person ' || i, 'person' || i || '@example.se', i % 97 = 0,
       s.status, r.received::date, (r.received + interval '1 month')::date, (r.received + interval '3 months')::date,
       CASE WHEN s.status = 'Extended' THEN (r.received + interval '3 months')::date ELSE (r.received + interval '1 month')::date END,
       gen_random_uuid(), NULL
FROM bench_load b
CROSS JOIN LATERAL generate_series(1, b.how_many) i
CROSS JOIN LATERAL (SELECT now() - (i % 1500) * interval '1 day' AS received) r
CROSS JOIN LATERAL (SELECT (ARRAY['Registered','IdentityCheck','InProgress','Extended','Answered','Answered','Answered','Refused','Withdrawn','Answered'])[1 + i % 10] AS status) s;
INSERT INTO request_events (id, party_id, request_id, at, actor_name, text)
SELECT gen_random_uuid(), r.party_id, r.id, r.received_at + e * interval '1 day', 'Bänk Bänksson', 'Händelse ' || e || ' i ärendet.'
FROM requests r CROSS JOIN generate_series(1, 2) e;
ANALYZE parties, data_controllers, requests, request_events;
