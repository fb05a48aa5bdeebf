/**
 * What happened, told after the change is committed. Commands record facts; the consequences (live
 * collaboration sockets closed or downgraded, open editors refreshed) subscribe to them, so no route
 * has to remember them. A command whose change changes nothing emits nothing.
 */
export type DomainEvent =
  | { type: "membership.removed"; orgId: string; userId: string }
  | { type: "membership.roles_changed"; orgId: string; userId: string; roles: readonly string[] }
  | { type: "collaborator.added"; moduleId: string; userId: string; role: string }
  | { type: "collaborator.changed"; moduleId: string; userId: string; role: string }
  | { type: "collaborator.removed"; moduleId: string; userId: string }
  | { type: "module.archived"; moduleId: string }
  | { type: "module.restored"; moduleId: string }
  /** Whether the module's co-designers may only suggest changed. */
  | { type: "module.suggestions_only_changed"; moduleId: string }
  /** Comment threads of a module changed: open editors reload their side panel. */
  | { type: "comments.changed"; moduleId: string }
  /** Sign-offs or the review state of a module changed: open review pages and editors refresh. */
  | { type: "review.changed"; moduleId: string }
  /** A part of a module was locked or unlocked: open editors follow at once. */
  | { type: "locks.changed"; moduleId: string }
  /** A workshop session on a module started, went on a break, resumed or ended: open editors follow at once. */
  | { type: "workshop_session.changed"; moduleId: string };

export type EventType = DomainEvent["type"];
type Handler<T extends EventType> = (event: Extract<DomainEvent, { type: T }>) => void;

export type Events = {
  emit(event: DomainEvent): void;
};

export type EventBus = Events & {
  on<T extends EventType>(types: readonly T[], handler: Handler<T>): () => void;
};

/**
 * One bus per server, made by the composition root. A subscriber that throws is reported and never
 * undoes the committed change nor stops the other subscribers.
 */
export function createEventBus(report: (error: unknown, event: DomainEvent) => void = defaultReport): EventBus {
  const handlers = new Map<EventType, Set<(event: DomainEvent) => void>>();
  return {
    emit(event) {
      for (const handler of handlers.get(event.type) ?? []) {
        try {
          handler(event);
        } catch (error) {
          report(error, event);
        }
      }
    },
    on(types, handler) {
      const wrapped = handler as (event: DomainEvent) => void;
      for (const type of types) {
        const set = handlers.get(type) ?? new Set();
        set.add(wrapped);
        handlers.set(type, set);
      }
      return () => {
        for (const type of types) handlers.get(type)?.delete(wrapped);
      };
    },
  };
}

function defaultReport(error: unknown, event: DomainEvent) {
  console.error(`A subscriber to ${event.type} failed; the change itself is saved.`, error);
}

/** For contexts with no live consequences (scripts, the demo seed): events go nowhere. */
export const noEvents: Events = { emit() {} };

/** Collects what a transaction emits, to hand on only once it has committed. */
export function pendingEvents(): Events & { flushTo(events: Events): void } {
  const pending: DomainEvent[] = [];
  return {
    emit(event) {
      pending.push(event);
    },
    flushTo(events) {
      for (const event of pending.splice(0)) events.emit(event);
    },
  };
}
