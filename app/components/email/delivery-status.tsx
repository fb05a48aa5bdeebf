import { formatDateTime } from "~/components/layout";

type Delivery =
  | { status: "waiting" }
  | { status: "retrying"; attempts: number; lastError: string; nextAttemptAt: string | Date }
  | { status: "sent"; sentAt: string | Date }
  | { status: "unsubscribed" };

/** How far a message has got, in words: waiting, sent, or failed and being tried again (with why). */
export function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  switch (delivery.status) {
    case "sent":
      return <>Sent {formatDateTime(delivery.sentAt)}</>;
    case "unsubscribed":
      return <>Not sent: this person turned these emails off</>;
    case "retrying":
      return (
        <>
          Not sent yet: tried {delivery.attempts} {delivery.attempts === 1 ? "time" : "times"}, trying again{" "}
          {formatDateTime(delivery.nextAttemptAt)}. <span className="muted">Last error: {delivery.lastError}</span>
        </>
      );
    default:
      return <>Waiting to be sent</>;
  }
}
