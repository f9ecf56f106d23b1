/** How long each part of a post may be. The server only sees posts sealed, so these are
 * checked here (the sealed size the server accepts leaves room for the longest of them). */
export const POST_LIMITS = {
  word: 24,
  win: 280,
  challenge: 280,
  last_change: 280,
  situation: 1200,
  caseQuestion: 280,
  noticed: 600,
  answerQuestion: 280,
  might_try: 600,
  change: 80,
  appreciation: 280,
  summary: 600,
} as const;
