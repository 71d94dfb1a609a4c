// A webhook receiver that checks Switchyard's signature (Node ≥ 18, no dependencies).
// Run: SWITCHYARD_WEBHOOK_SECRET=whsec_… PORT=9000 node docs/webhook-receiver.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** True when `header` (Switchyard-Signature: t=<unix>,v1=<hex>) signs `rawBody` with `secret`, made in the last 5 minutes. */
export function verifySwitchyardSignature(secret, header, rawBody, nowSeconds = Date.now() / 1000) {
  const pairs = String(header ?? '')
    .split(',')
    .map((part) => part.trim().split('='));
  const timestamp = Number(pairs.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return pairs.some(
    ([key, value]) =>
      key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '') && timingSafeEqual(Buffer.from(value, 'hex'), expected),
  );
}

/** An HTTP server that answers 204 to each correctly signed delivery (passing its event to `onEvent`), 401 otherwise. */
export function createReceiver(secret, onEvent) {
  return createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8'); // the exact bytes: verify before parsing
      if (!verifySwitchyardSignature(secret, request.headers['switchyard-signature'], rawBody)) {
        response.writeHead(401).end();
        return;
      }
      // Deliveries are at least once: the same Switchyard-Delivery id may come twice; act on it once.
      onEvent(JSON.parse(rawBody), request.headers['switchyard-delivery']);
      response.writeHead(204).end();
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.SWITCHYARD_WEBHOOK_SECRET;
  if (!secret) throw new Error('Set SWITCHYARD_WEBHOOK_SECRET to the secret shown when the webhook was created');
  const server = createReceiver(secret, (event, delivery) =>
    console.log(
      `${event.type} ${event.project}/${event.environment}/${event.flag} by ${event.actor.name} (${delivery})`,
    ),
  );
  server.listen(Number(process.env.PORT ?? 9000), () =>
    console.log(`listening on http://localhost:${server.address().port}`),
  );
}
