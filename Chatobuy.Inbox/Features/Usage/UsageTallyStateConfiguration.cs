using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Usage;

public sealed class UsageTallyStateConfiguration : IEntityTypeConfiguration<UsageTallyState>
{
    public void Configure(EntityTypeBuilder<UsageTallyState> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
