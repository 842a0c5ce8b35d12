#!/usr/bin/env python3
"""Regenerates docs/asyncapi.yaml and the README's event table from docs/events/*.schema.json.

Each schema's description names its topic ("Topic x-events") and key ("key = orderId"); the
consumers are found in the services' code; only why they read an event is kept by hand (PURPOSES).
Run from the project root: python3 scripts/event-catalogue.py
"""
import glob
import json
import os
import re

# Who reads an event is found in the code: a service that names another context's event type
# (EventType.of("order", "OrderPlaced", 1)) consumes it. PURPOSES says why, where that helps a reader.
SERVICES = {'customer-service': 'customer', 'order-service': 'order catalog', 'fulfillment-service': 'fulfillment',
            'callcenter-service': 'callcenter', 'notification-service': 'notification'}
PURPOSES = {
    ('CustomerRegistered', 'order-service'): 'customer projection: storefront matching, type for upsell',
    ('CustomerRegistered', 'callcenter-service'): 'owner manager for tasks, campaign selectors',
    ('CustomerRegistered', 'notification-service'): 'owner manager for R24 reads',
    ('CustomersMerged', 'callcenter-service'): 'open tasks move to the survivor',
    ('CustomerDormant', 'callcenter-service'): 'reactivation call, R14',
    ('CustomerReactivated', 'callcenter-service'): 'closes the reactivation call',
    ('CustomerConsentChanged', 'notification-service'): 'consents, preferred channel, quiet hours, R21',
    ('CustomerConsentChanged', 'callcenter-service'): 'time zone and quiet hours for the best hour to call, R18, R21',
    ('CustomerConsentChanged', 'order-service'): 'the consented channels: whether a replenishment can reach the customer, R25',
    ('CustomerContactsChanged', 'order-service'): 'the main phone and e-mail: storefront matching, R3; a replenishment call, R25',
    ('CustomerErased', 'callcenter-service'): 'blanks names, phones and free text of calls, tasks, escalations, complaints, R24',
    ('CustomerErased', 'notification-service'): 'blanks bodies, addresses and provider details, R24',
    ('CustomerErased', 'order-service'): "blanks the projection's contacts and orders' recipient, address, notes, R24",
    ('CustomerErased', 'fulfillment-service'): "blanks shipments' recipient, address, notes; no hand-over without them, R24",
    ('OrderPlaced', 'customer-service'): 'activity, dormancy, storefronts per customer, timeline',
    ('ManagerAbsenceEnded', 'customer-service'): "the deputy's access ends, R22",
    ('OrderPlaced', 'callcenter-service'): "order -> customer, KPIs; a line's familyId closes a replenishment call, R25",
    ('ReplenishmentDue', 'callcenter-service'): 'replenishment call task when contactFirst is CALL, R25',
    ('ReplenishmentDue', 'notification-service'): 'replenishment reminder when contactFirst is MESSAGE, R25',
    ('BonusPointsExpiring', 'notification-service'): 'warns the customer a week before their points expire, R11, R21',
    ('ShipmentReturned', 'order-service'): "bonus points: the order's spent ones given back, earned ones taken back, R11",
    ('OrderConfirmed', 'fulfillment-service'): 'shipment at once for cash on delivery',
    ('OrderPaid', 'fulfillment-service'): 'shipment for prepaid orders',
    ('OrderPaid', 'callcenter-service'): 'closes the unpaid-order call',
    ('OrderCancelled', 'fulfillment-service'): 'cancels a shipment, or requests a return after hand-over',
    ('OrderCancelled', 'callcenter-service'): 'closes tasks; order errors for KPIs, R23',
    ('OrderPaymentOverdue', 'callcenter-service'): 'unpaid-order call, R15',
    ('OrderPaymentOverdue', 'notification-service'): 'payment reminder, R15',
    ('DiscountApprovalRequested', 'callcenter-service'): "the head's approval task, R10",
    ('UpsellOfferRecorded', 'callcenter-service'): 'upsell KPIs, R23',
    ('ShipmentPacked', 'callcenter-service'): 'order-ready call for courier delivery, R13',
    ('ShipmentPacked', 'notification-service'): '"your order is ready", R13',
    ('ShipmentReadyForPickup', 'callcenter-service'): 'order-ready call, R13',
    ('ShipmentReadyForPickup', 'notification-service'): '"your order is ready", R13',
    ('ShipmentDelivered', 'order-service'): 'cash collected -> payment, OrderPaid',
    ('ManagerAbsenceStarted', 'customer-service'): "the deputy reads the absent manager's customers, R22",
    ('ManagerAbsenceStarted', 'notification-service'): "the deputy reads and sends their messages, R22",
    ('PersonalDataAccessed', 'customer-service'): 'the one access log that ADMIN reads, R24',
    ('ProductChanged', 'notification-service'): 'catalogue copy: price list and certificates attached to messages, R21',
}
# platform's access policy (R22, R24): who owns a customer and who deputises, in the services that do not own those facts
for _service in ('order-service', 'fulfillment-service'):
    for _event in ('CustomerRegistered', 'CustomerUpdated', 'CustomerDormant', 'CustomerReactivated', 'CustomersMerged'):
        PURPOSES.setdefault((_event, _service), 'owner for the access policy, R24')
    for _event in ('ManagerAbsenceStarted', 'ManagerAbsenceEnded'):
        PURPOSES.setdefault((_event, _service), 'deputies for the access policy, R22')
# Why a service reads an event when PURPOSES has no entry for the pair.
DEFAULT_PURPOSES = {'customer-service': 'timeline, R6'}


def consumers():
    """{event name: [service, ...]} from the services' main code."""
    found = {}
    for service, own in SERVICES.items():
        for path in glob.glob(f'{service}/src/main/java/**/*.java', recursive=True):
            text = open(path, encoding='utf-8').read()
            for context, name in re.findall(r'EventType\.of\("([a-z]+)",\s*"([A-Za-z]+)"', text):
                if context not in own.split():
                    found.setdefault(name, set()).add(service)
            # platform's audit event is named by its constant, and read by customer-service only
            if re.search(r'@Incoming\("audit-events"\)', text):
                found.setdefault('PersonalDataAccessed', set()).add(service)
    return {name: sorted(services) for name, services in found.items()}


def describe(name, services):
    if not services:
        return '—'
    def purpose(s):
        return PURPOSES.get((name, s), DEFAULT_PURPOSES.get(s))
    return '; '.join(f'{s} ({purpose(s)})' if purpose(s) else s for s in services)
PRODUCERS = {'customer': 'customer-service', 'order': 'order-service', 'catalog': 'order-service',
             'fulfillment': 'fulfillment-service', 'callcenter': 'callcenter-service',
             'notification': 'notification-service', 'audit': 'every service'}
TOPIC_PRODUCERS = {'customer-events': 'customer-service', 'order-events': 'order-service',
                   'catalogue-events': 'order-service', 'fulfillment-events': 'fulfillment-service',
                   'callcenter-events': 'callcenter-service', 'notification-events': 'notification-service',
                   'audit-events': 'every service'}


def camel(topic):
    return re.sub(r'-(.)', lambda m: m.group(1).upper(), topic)


def main():
    rows, messages, channels = [], {}, {}
    readers = consumers()
    for path in sorted(glob.glob('docs/events/*.schema.json')):
        schema = json.load(open(path, encoding='utf-8'))
        name = os.path.basename(path).replace('.schema.json', '')
        base = name.split('.')[0]
        description = schema.get('description', '')
        topic = (re.search(r'Topic ([a-z-]+)', description) or [None, '?'])[1]
        key = (re.search(r'key = ([A-Za-z]+)', description) or [None, '?'])[1]
        ce_type = re.search(r'(ru\.parus\.[a-z]+\.[A-Za-z]+\.v\d+)', schema['$id']).group(1)
        rows.append((topic, ce_type, PRODUCERS.get(ce_type.split('.')[2], '?'), key, describe(base, readers.get(base, []))))
        messages[base] = (ce_type, name)
        channels.setdefault(topic, []).append(base)
    rows.sort()
    table = ('| event (`ce_type`) | producer | topic | key | consumers so far |\n| --- | --- | --- | --- | --- |\n'
             + '\n'.join(f'| `{ce}` | {p} | `{t}` | {k} | {c} |' for t, ce, p, k, c in rows))
    readme = open('README.md', encoding='utf-8').read()
    start = readme.index('| event (`ce_type`) |')
    end = readme.index('\n\n', start)
    open('README.md', 'w', encoding='utf-8').write(readme[:start] + table + readme[end:])

    out = ['# Generated by scripts/event-catalogue.py from docs/events/*.schema.json; do not edit by hand.',
           'asyncapi: 3.0.0', 'info:', '  title: Parus events', '  version: 0.2.0', '  description: |',
           '    Events of the Parus services on Apache Kafka. CloudEvents 1.0 in binary mode: attributes in',
           '    `ce_*` headers, the value is the JSON payload described by the schema in `docs/events/`.',
           "    The Kafka key is the aggregate id (for fulfillment-events: the order id), so one aggregate's",
           '    events stay in order. Delivery is at least once: deduplicate by `ce_id`. Ignore unknown fields.',
           '    fulfillment-events is the contract with the warehouse system (docs/fulfillment-service.md).',
           'defaultContentType: application/json', 'servers:', '  local:', '    host: 127.0.0.1:9092',
           '    protocol: kafka', '    description: the local stack (./parus up)', 'channels:']
    for topic in sorted(channels):
        out += [f'  {camel(topic)}:', f'    address: {topic}', '    messages:']
        for base in channels[topic]:
            out += [f'      {base}:', f"        $ref: '#/components/messages/{base}'"]
    out.append('operations:')
    for topic in sorted(channels):
        op = camel(topic)
        out += [f'  publish{op[0].upper() + op[1:]}:', '    action: send', '    channel:',
                f"      $ref: '#/channels/{op}'", f'    summary: {TOPIC_PRODUCERS.get(topic, "?")} publishes these facts']
    out += ['components:', '  messageTraits:', '    cloudEvent:', '      headers:', '        type: object',
            '        required: [ce_specversion, ce_id, ce_type, ce_source, ce_time]', '        properties:',
            "          ce_specversion: { type: string, const: '1.0' }", '          ce_id: { type: string, format: uuid }',
            '          ce_type: { type: string }', '          ce_source: { type: string }',
            '          ce_subject: { type: string, description: the Kafka key }',
            '          ce_time: { type: string, format: date-time }', '          ce_aggregatetype: { type: string }',
            '  messages:']
    for base, (ce_type, name) in sorted(messages.items()):
        out += [f'    {base}:', f'      name: {ce_type}', '      traits:',
                "        - $ref: '#/components/messageTraits/cloudEvent'", '      payload:',
                f"        $ref: 'events/{name}.schema.json'"]
    open('docs/asyncapi.yaml', 'w', encoding='utf-8').write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
