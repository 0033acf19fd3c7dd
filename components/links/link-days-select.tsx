import { Select } from "@/components/ui/field";
import { LINK_DAYS_CHOICES, LINK_DAYS_RANGE } from "@/lib/onboarding/rules";

/** How long a new link works ("validDays"), from the choices offered, the default chosen. */
export function LinkDaysSelect({ id }: { id: string }) {
  return (
    <Select id={id} name="validDays" defaultValue={String(LINK_DAYS_RANGE.default)}>
      {LINK_DAYS_CHOICES.map((days) => (
        <option key={days} value={days}>
          {days} {days === 1 ? "day" : "days"}
        </option>
      ))}
    </Select>
  );
}
