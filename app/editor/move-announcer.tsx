/**
 * Says where a moved section or block now is ("Moved 'Boundaries' up, now 2 of 5"), for screen
 * readers and on screen, since a move can take the text out of view.
 */
export function MoveAnnouncer({ message }: { message: string }) {
  return (
    <p className="move-announcement muted" role="status" aria-live="polite">
      {message}
    </p>
  );
}
