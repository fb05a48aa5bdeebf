/** The announcement a learner is sent before a removal: subject and plain text, from the facts alone. */
export function retentionMessage(input: { name: string; organisation: string; months: number; removeOn: Date }) {
  const day = input.removeOn.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
  return {
    subject: `Your training record at ${input.organisation} will be removed on ${day}`,
    text: [
      `Hello ${input.name},`,
      "",
      `${input.organisation} keeps learners' progress and reflection journals for ${input.months} months after they were last active. You have not been active there for a while, so on ${day} your progress and journal there will be removed.`,
      "",
      "If you want to keep them, log in to Alongside before then: any activity keeps them. You can also download your data from your account page, and export your journal from My learning.",
      "",
      "Nothing else about your account changes.",
    ].join("\n"),
  };
}

export type RetentionMessage = ReturnType<typeof retentionMessage>;
