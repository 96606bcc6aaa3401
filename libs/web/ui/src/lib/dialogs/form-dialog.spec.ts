import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogActions, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { HttpErrorResponse } from '@angular/common/http';
import { Subject, throwError } from 'rxjs';
import { DialogSave } from '../refusals/dialog-save';
import { FormDialog } from './form-dialog';

@Component({
  selector: 'bt-host',
  imports: [FormDialog, ReactiveFormsModule, MatDialogTitle, MatDialogActions, MatFormField, MatLabel, MatError, MatInput],
  template: `
    <bt-form-dialog [submission]="submission" [busy]="loading()" savingLabel="Saving the name" [formGroup]="form" (formSubmit)="saves = saves + 1">
      <h2 mat-dialog-title>Rename</h2>
      <mat-form-field>
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" />
        @if (form.controls.name.hasError('required')) {
          <mat-error>Enter the name.</mat-error>
        }
      </mat-form-field>
      <mat-dialog-actions><button type="submit">Rename</button></mat-dialog-actions>
    </bt-form-dialog>
  `,
})
class Host {
  readonly submission = new DialogSave();
  readonly form = new FormGroup({ name: new FormControl('', { nonNullable: true, validators: [Validators.required] }) });
  saves = 0;
  readonly loading = signal(false);
}

describe('FormDialog', () => {
  function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
  }

  it('frames the title, the fields and the buttons in one form, and hands its submission to the dialog', () => {
    const { fixture, host, element } = render();
    const form = element.querySelector('form') as HTMLFormElement;
    expect(element.querySelector('h2')?.textContent).toBe('Rename');
    expect(form.querySelector('mat-dialog-content input')).not.toBeNull();
    expect(form.querySelector('mat-dialog-actions button[type=submit]')).not.toBeNull();
    (form.querySelector('button[type=submit]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(host.saves).toBe(1);
    // The dialog's FormGroup is submitted too, so its fields show their errors.
    expect(element.querySelector('mat-error')?.textContent).toContain('Enter the name.');
  });

  it('shows the progress while saving and the refusal after', () => {
    const { fixture, host, element } = render();
    const pending = new Subject<void>();
    host.submission.run(pending, () => undefined, 'fallback');
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Saving the name');
    pending.next();
    host.submission.run(
      throwError(() => new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'Changed meanwhile.' } })),
      () => undefined,
      'fallback',
    );
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('[role=alert]')?.textContent).toBe('Changed meanwhile.');
  });

  it('shows the progress while something else is under way too', () => {
    const { fixture, host, element } = render();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    host.loading.set(true);
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
  });
});
