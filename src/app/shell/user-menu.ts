import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Store } from '@ngrx/store';
import { UserMenuActions } from '../core/auth/auth-actions';
import { ROLE_LABELS, SignedInUser } from '../core/auth/signed-in-user';
import { Icon } from '../ui/icon/icon';

@Component({
  selector: 'app-user-menu',
  imports: [MatButtonModule, MatMenuModule, Icon],
  templateUrl: './user-menu.html',
  styleUrl: './user-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  private readonly store = inject(Store);

  readonly user = input<SignedInUser | null>(null);
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly buttonLabel = computed(() => {
    const user = this.user();
    return user ? `Account: ${user.name}, ${this.roleLabel()}` : 'Account: not signed in';
  });

  protected signOut(): void {
    this.store.dispatch(UserMenuActions.signOutClicked());
  }
}
