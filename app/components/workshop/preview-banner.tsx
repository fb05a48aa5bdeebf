/** Says plainly that the page is a draft seen as a learner would, and that nothing done here is kept. */
export function PreviewBanner() {
  return (
    <div className="notice notice-info preview-banner" role="note">
      <p>
        <strong>Preview: not published.</strong> This is the latest saved draft, as a learner would see it. Nothing you
        do here is recorded.
      </p>
    </div>
  );
}
