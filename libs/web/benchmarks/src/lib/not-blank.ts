import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Like `Validators.required` for text, but blanks alone do not count as an answer (the API trims). */
export function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}
