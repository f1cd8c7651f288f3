/**
 * "Ingram Motors Ltd · Matthew Pickering": the contact a call was with, after the company, as the dock's heading names
 * them. The dot is held to the company and the name kept in one piece ("Daniel / Irvine" wrapped between the two at
 * 400 px). Nothing without a name (the company alone, a contact deleted since).
 */
export function ContactAfter({ name, marker }: { name: string; marker?: string }) {
  if (!name) return null
  return (
    <>
      {"\u00a0· "}
      <span className="c-nowrap" data-comptoir={marker}>
        {name}
      </span>
    </>
  )
}
