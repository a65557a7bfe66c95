using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.DataProtection;

namespace Chatobuy.Inbox.Tests.Features.Channels;

public sealed class ChannelSecretsTests
{
    [Fact]
    public void Protect_ThenUnprotect_GivesTheSecretBackAndNeverStoresItPlain()
    {
        var keys = Directory.CreateTempSubdirectory("chatobuy-keys-");
        try
        {
            var provider = DataProtectionProvider.Create(keys, b => b.SetApplicationName("Chatobuy.Inbox"));
            var secrets = new ChannelSecrets(provider);

            var stored = secrets.Protect("EAAsecret-token-1234");

            stored.ShouldNotContain("EAAsecret");
            new ChannelSecrets(DataProtectionProvider.Create(keys, b => b.SetApplicationName("Chatobuy.Inbox")))
                .Unprotect(stored).ShouldBe("EAAsecret-token-1234");
            keys.GetFiles("key-*.xml").ShouldNotBeEmpty();
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("EAAsecret-token-1234", "••••••••1234")]
    [InlineData("abc", "••••")]
    public void Mask_ShowsOnlyTheLastFourCharacters(string secret, string expected) =>
        ChannelSecrets.Mask(secret).ShouldBe(expected);
}
