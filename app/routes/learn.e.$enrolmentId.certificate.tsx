import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/layout";
import { PageLink } from "~/components/page-links";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Certificate · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const enrolmentId = paramId(params, "enrolmentId");
    return { enrolmentId, certificate: learning.certificate(ctx, enrolmentId) };
  });

export default function Certificate() {
  const { enrolmentId, certificate: cert } = useLoaderData<typeof loader>();
  if (!cert) {
    return (
      <>
        <h1>Not finished yet</h1>
        <p>
          Your certificate appears here when you complete the course.{" "}
          <PageLink to={`/learn/e/${enrolmentId}`}>Back to the course</PageLink>.
        </p>
      </>
    );
  }
  return (
    <>
      <p className="no-print">
        <PageLink to={`/learn/e/${enrolmentId}`}>Back to the course</PageLink> · Use your browser's print option to
        print or save it.
      </p>
      <section className="certificate" aria-labelledby="certificate-title">
        <p className="certificate-org">Alongside</p>
        <h1 id="certificate-title">Certificate of completion</h1>
        <p>This is to say that</p>
        <p className="certificate-name">{cert.name}</p>
        <p>completed the course</p>
        <p className="certificate-course">{cert.course}</p>
        <p>
          version {cert.version}, on {formatDate(cert.completedAt)}.
        </p>
      </section>
    </>
  );
}
