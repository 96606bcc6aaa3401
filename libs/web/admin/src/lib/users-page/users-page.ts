import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { IssuedPasswordDto, UserDto, UserListQuery } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { BehaviorSubject, catchError, combineLatest, debounceTime, distinctUntilChanged, filter, map, type Observable, of, startWith, switchMap } from 'rxjs';
import { roleAssignmentLabel } from '@bt/web/ui';
import { confirmed, type ConfirmDialogData } from '@bt/web/ui/dialogs';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { organisationPlace } from '../organisation-kinds';
import { CreateUserDialog, type CreateUserDialogData } from './create-user-dialog';
import { EditRolesDialog } from './edit-roles-dialog';
import { IssuedPasswordDialog, type IssuedPasswordDialogData } from './issued-password-dialog';

/** How long typing in the search box must pause before the list follows. */
export const USER_SEARCH_DEBOUNCE_MS = 300;

interface UserList {
  readonly loading: boolean;
  readonly users: readonly UserDto[];
  readonly error: HttpErrorResponse | null;
}

/** The platform's users: find, create, change roles, disable or enable, reset a password. */
@Component({
  selector: 'bt-users-page',
  imports: [
    ReactiveFormsModule,
    MatTableModule,
    MatButton,
    MatIconButton,
    MatChipSet,
    MatChip,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatIcon,
    MatInput,
    MatSelect,
    MatOption,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(AuthSession);

  protected readonly columns = ['name', 'email', 'organisation', 'roles', 'status', 'actions'];
  protected readonly roleLabel = roleAssignmentLabel;
  protected readonly organisationPlace = organisationPlace;

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(USER_SEARCH_DEBOUNCE_MS),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly organisationId = signal('');
  private readonly filter = computed<UserListQuery>(() => ({ q: this.q(), organisationId: this.organisationId() }));

  /** The organisation filter's and the create dialog's choices. */
  protected readonly organisations = toSignal(this.api.organisations().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  private readonly reloads = new BehaviorSubject<void>(undefined);
  protected readonly list = toSignal(combineLatest([toObservable(this.filter), this.reloads]).pipe(switchMap(([filter]) => this.load(filter))), {
    initialValue: { loading: true, users: [], error: null } satisfies UserList,
  });
  /**
   * The list as loaded, with the rows this page has changed since put in place. While the next list
   * loads, the last one stays on screen.
   */
  protected readonly users = linkedSignal<UserList, readonly UserDto[]>({
    source: this.list,
    computation: (list, previous) => (list.loading ? (previous?.value ?? []) : list.users),
  });
  protected readonly errorDetail = computed(() => {
    const error = this.list().error;
    return error ? apiErrorMessage(error) : null;
  });

  /** An administrator does not disable their own account from here (and lock themselves out). */
  protected isSelf(user: UserDto): boolean {
    return user.id === this.session.me()?.id;
  }

  protected actionsLabel(user: UserDto): string {
    return $localize`:Accessible name of a user's actions menu button@@admin.users.actionsFor:Actions for ${user.displayName}:name:`;
  }

  protected selectOrganisation(organisationId: string): void {
    this.organisationId.set(organisationId);
  }

  protected retry(): void {
    this.reloads.next();
  }

  protected createUser(): void {
    this.dialog
      .open<CreateUserDialog, CreateUserDialogData, IssuedPasswordDto>(CreateUserDialog, {
        data: { organisations: this.organisations() },
      })
      .afterClosed()
      .pipe(filter((issued): issued is IssuedPasswordDto => !!issued))
      .subscribe((issued) => {
        this.reloads.next();
        this.snackBar.open($localize`:@@admin.users.created:User ${issued.user.displayName}:name: created.`, undefined, {
          duration: 5000,
        });
        this.showIssuedPassword(issued);
      });
  }

  protected editRoles(user: UserDto): void {
    this.dialog
      .open<EditRolesDialog, UserDto, UserDto>(EditRolesDialog, { data: user })
      .afterClosed()
      .pipe(filter((updated): updated is UserDto => !!updated))
      .subscribe((updated) => {
        this.replace(updated);
        this.snackBar.open($localize`:@@admin.users.rolesSaved:Roles of ${updated.displayName}:name: saved.`, undefined, {
          duration: 5000,
        });
      });
  }

  protected disable(user: UserDto): void {
    this.confirm({
      title: $localize`:@@admin.users.disable.title:Disable ${user.displayName}:name:?`,
      message: $localize`:@@admin.users.disable.message:${user.displayName}:name: is signed out at once and cannot sign in again until an administrator enables the account.`,
      confirm: $localize`:@@admin.users.disable.confirm:Disable`,
    })
      .pipe(switchMap(() => this.api.disableUser(user.id)))
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.snackBar.open($localize`:@@admin.users.disabled:${updated.displayName}:name: is disabled.`, undefined, {
            duration: 5000,
          });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected enable(user: UserDto): void {
    this.api.enableUser(user.id).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.snackBar.open($localize`:@@admin.users.enabled:${updated.displayName}:name: is enabled.`, undefined, {
          duration: 5000,
        });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  /** Lifts the sign-in throttle: after failed attempts the user may try again at once. */
  protected unlock(user: UserDto): void {
    this.api.unlockUser(user.id).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.snackBar.open($localize`:@@admin.users.unlocked:${updated.displayName}:name: may sign in again at once.`, undefined, {
          duration: 5000,
        });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  /** For someone who lost the phone with their authenticator app and their recovery codes. */
  protected resetSecondFactor(user: UserDto): void {
    this.confirm({
      title: $localize`:@@admin.users.resetSecondFactor.title:Reset the two-step sign-in of ${user.displayName}:name:?`,
      message: $localize`:@@admin.users.resetSecondFactor.message:Do this only when you are sure who is asking (a lost phone and lost recovery codes). They are signed out everywhere and sign in next with their password alone, then set up their authenticator app again.`,
      confirm: $localize`:@@admin.users.resetSecondFactor.confirm:Reset two-step sign-in`,
    })
      .pipe(switchMap(() => this.api.resetSecondFactor(user.id)))
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.snackBar.open($localize`:@@admin.users.secondFactorReset:Two-step sign-in of ${updated.displayName}:name: is reset.`, undefined, {
            duration: 5000,
          });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected resetPassword(user: UserDto): void {
    this.confirm({
      title: $localize`:@@admin.users.reset.title:Reset the password of ${user.displayName}:name:?`,
      message: $localize`:@@admin.users.reset.message:Their current password stops working and they are signed out everywhere. A temporary password is shown to you once.`,
      confirm: $localize`:@@admin.users.reset.confirm:Reset password`,
    })
      .pipe(switchMap(() => this.api.resetPassword(user.id)))
      .subscribe({
        next: (issued) => {
          this.replace(issued.user);
          this.showIssuedPassword(issued);
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  private load(filter: UserListQuery): Observable<UserList> {
    return this.api.users(filter).pipe(
      map((users): UserList => ({ loading: false, users, error: null })),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse) return of<UserList>({ loading: false, users: [], error });
        throw error;
      }),
      startWith<UserList>({ loading: true, users: [], error: null }),
    );
  }

  /** Emits once when the administrator confirms; nothing when they cancel. */
  private confirm(data: ConfirmDialogData): Observable<true> {
    return confirmed(this.dialog, data);
  }

  private showIssuedPassword(issued: IssuedPasswordDto): void {
    if (!issued.temporaryPassword) return;
    this.dialog.open<IssuedPasswordDialog, IssuedPasswordDialogData>(IssuedPasswordDialog, {
      data: { user: issued.user, temporaryPassword: issued.temporaryPassword },
      disableClose: true,
    });
  }

  private replace(updated: UserDto): void {
    this.users.update((users) => users.map((user) => (user.id === updated.id ? updated : user)));
  }

  private failed(error: unknown): void {
    const detail = error instanceof HttpErrorResponse ? apiErrorMessage(error) : null;
    this.snackBar.open(
      detail ?? $localize`:@@admin.users.actionFailed:That did not work. Please try again.`,
      $localize`:Button closing a message@@admin.dismiss:Dismiss`,
      { politeness: 'assertive' },
    );
  }
}
