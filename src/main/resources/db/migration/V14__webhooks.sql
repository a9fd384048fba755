-- Webhooks (issue 27, part 2): an outbox of what happened, written in the transaction of the
-- change itself, so that a committed change always has its event and a rolled-back one never;
-- the subscriptions to a region's events; and one delivery per (subscription, event), with every
-- attempt and the receiver's answer.

-- What happened, one row per event, appended and never changed. The payload is the body every
-- subscriber receives (Standard Webhooks: type, timestamp, data). report_key (agency/year) orders
-- a report's events: a subscriber receives them in the order of their ids.
create table hub_event (
    id            bigint generated always as identity primary key,
    type          text        not null check (type ~ '^[a-z]+\.[a-z_]+$'),
    division_code text        not null check (division_code ~ '^[1-9][0-9]{5}$'),
    report_key    text,
    at            timestamptz not null,
    payload       jsonb       not null
);

create index hub_event_division_idx on hub_event (division_code, id);

-- A URL subscribed to the events of a region (every division from lowest to highest). The
-- secret signs every delivery (HMAC-SHA256), so it is kept as given out; it is shown only once,
-- when the subscription is created. A subscription that keeps failing is paused (paused_at, and
-- why); it receives nothing until resumed, and then everything it missed, in order.
create table webhook_subscription (
    id                   bigint generated always as identity primary key,
    region_code          text        not null check (region_code ~ '^[1-9][0-9]{5}$'),
    lowest               text        not null,
    highest              text        not null,
    url                  text        not null check (char_length(url) between 1 and 2000),
    description          text        check (char_length(description) <= 200),
    secret               text        not null,
    created_by           text        not null,
    created_at           timestamptz not null,
    state                text        not null default 'active'
                                     check (state in ('active', 'paused', 'deleted')),
    consecutive_failures integer     not null default 0,
    paused_at            timestamptz,
    paused_reason        text,
    deleted_at           timestamptz
);

-- One event for one subscription: pending until the receiver answers 2xx. Attempts back off
-- exponentially (next_attempt_at); a report's later event waits for its earlier one.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    subscription_id bigint      not null references webhook_subscription (id),
    event_id        bigint      not null references hub_event (id),
    report_key      text,
    state           text        not null default 'pending' check (state in ('pending', 'delivered')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);

create index webhook_delivery_pending_idx on webhook_delivery (next_attempt_at, id)
    where state = 'pending';
create index webhook_delivery_order_idx on webhook_delivery (subscription_id, report_key, event_id)
    where state = 'pending';

-- Every attempt and what the receiver answered (its status and the first KiB of its body), or why
-- there was no answer (refused, timed out, connection failed).
create table webhook_attempt (
    id              bigint generated always as identity primary key,
    delivery_id     bigint      not null references webhook_delivery (id),
    at              timestamptz not null,
    status          integer,
    duration_millis integer     not null,
    error           text,
    response_body   text
);

create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);

-- Deadline reminders (issue 27, part 3): each reminder of a report year (approaching: N days before
-- 31 January, Beijing time; passed: 1 February) is sent once, by whichever replica claims its row
-- first; its events are written in the same transaction.
create table deadline_reminder (
    year    integer     not null,
    kind    text        not null check (kind in ('approaching', 'passed')),
    sent_at timestamptz not null,
    primary key (year, kind)
);
