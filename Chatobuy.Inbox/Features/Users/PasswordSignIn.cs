using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Users;

/// <summary>
/// Signs in with email and password doing the same work for every attempt: an unknown email or a locked account still
/// costs one password-hash check (against a hash of a random password), and a deactivated account is named only after
/// its right password.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    IOptions<IdentityOptions> identity)
{
    public const string DeactivatedMessage = "This account has been deactivated. Ask an Admin to reactivate it.";

    private static readonly AppUser Nobody = new();

    // A hash of a random password, made like every user's (the iteration count travels inside the hash).
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>The one message for every refusal, with the lockout rule so a locked-out person knows to wait.</summary>
    public string RefusedMessage =>
        $"The email or password is not right. After {identity.Value.Lockout.MaxFailedAccessAttempts} failed attempts in a row, "
        + $"an account is locked for {identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes.";

    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            VerifyAgainstDummy(password);
            return SignInOutcome.Refused;
        }

        if (!user.IsActive)
        {
            return await signIn.UserManager.CheckPasswordAsync(user, password) ? SignInOutcome.Deactivated : SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.SignedIn;
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refuses these before checking the password: do the check's work anyway.
            VerifyAgainstDummy(password);
        }

        return SignInOutcome.Refused;
    }

    private void VerifyAgainstDummy(string password) => hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
}
