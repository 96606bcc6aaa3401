import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { OrganisationDto } from '@bt/contracts';
import { inReadersOrder } from '@bt/web/identity';
import { BehaviorSubject, catchError, filter, map, type Observable, of, startWith, switchMap } from 'rxjs';
import { KOSOVO_FOOTNOTE } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { organisationKindLabel, organisationPlace } from '../organisation-kinds';
import { CreateOrganisationDialog } from './create-organisation-dialog';
import { RenameOrganisationDialog } from './rename-organisation-dialog';

interface OrganisationList {
  readonly loading: boolean;
  readonly organisations: readonly OrganisationDto[];
  readonly error: HttpErrorResponse | null;
}

/** The organisations users belong to: ministries, coordination bodies, CSOs and the EU side. */
@Component({
  selector: 'bt-organisations-page',
  imports: [MatTableModule, MatButton, MatIconButton, MatIcon, MatProgressBar],
  templateUrl: './organisations-page.html',
  styleUrl: './organisations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationsPage {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly columns = ['name', 'kind', 'place', 'users', 'actions'];
  protected readonly kindLabel = organisationKindLabel;
  protected readonly place = organisationPlace;
  protected readonly kosovoFootnote = KOSOVO_FOOTNOTE;

  private readonly reloads = new BehaviorSubject<void>(undefined);
  protected readonly list = toSignal(this.reloads.pipe(switchMap(() => this.load())), {
    initialValue: { loading: true, organisations: [], error: null } satisfies OrganisationList,
  });
  protected readonly organisations = linkedSignal<OrganisationList, readonly OrganisationDto[]>({
    source: this.list,
    computation: (list, previous) => (list.loading ? (previous?.value ?? []) : inReadersOrder(list.organisations, (o) => o.name)),
  });
  protected readonly showsKosovo = computed(() => this.organisations().some((o) => o.country === 'XK'));
  protected readonly errorDetail = computed(() => {
    const error = this.list().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected renameLabel(organisation: OrganisationDto): string {
    return $localize`:Accessible name of an organisation's rename button@@admin.organisations.rename:Rename ${organisation.name}:name:`;
  }

  protected retry(): void {
    this.reloads.next();
  }

  protected create(): void {
    this.dialog
      .open<CreateOrganisationDialog, void, OrganisationDto>(CreateOrganisationDialog)
      .afterClosed()
      .pipe(filter((created): created is OrganisationDto => !!created))
      .subscribe((created) => {
        this.organisations.update((organisations) => inReadersOrder([...organisations, created], (o) => o.name));
        this.snackBar.open($localize`:@@admin.organisations.created:Organisation ${created.name}:name: created.`, undefined, { duration: 5000 });
      });
  }

  protected rename(organisation: OrganisationDto): void {
    this.dialog
      .open<RenameOrganisationDialog, OrganisationDto, OrganisationDto>(RenameOrganisationDialog, { data: organisation })
      .afterClosed()
      .pipe(filter((renamed): renamed is OrganisationDto => !!renamed))
      .subscribe((renamed) => {
        this.organisations.update((organisations) => organisations.map((o) => (o.id === renamed.id ? renamed : o)));
        this.snackBar.open($localize`:@@admin.organisations.renamed:Organisation renamed to ${renamed.name}:name:.`, undefined, { duration: 5000 });
      });
  }

  private load(): Observable<OrganisationList> {
    return this.api.organisations().pipe(
      map((organisations): OrganisationList => ({ loading: false, organisations, error: null })),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse) return of<OrganisationList>({ loading: false, organisations: [], error });
        throw error;
      }),
      startWith<OrganisationList>({ loading: true, organisations: [], error: null }),
    );
  }
}
