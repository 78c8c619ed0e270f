package dev.losslens.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of an account: its name, hash and role. */
@Service
class AccountDetails implements UserDetailsService {

    private final AccountStore accounts;

    AccountDetails(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(Usernames.normalise(username))
                .map(account -> User.withUsername(account.username()).password(account.passwordHash())
                        .roles(account.role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
