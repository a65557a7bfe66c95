using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class Conversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FirstSignedEventAt",
                table: "Channels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastRefusedSignatureAt",
                table: "Channels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSignedEventAt",
                table: "Channels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RefusedSignatureCount",
                table: "Channels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ChannelEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    WabaId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValueJson = table.Column<string>(type: "TEXT", nullable: false),
                    EventTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WaId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ProfileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageStatusUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WaMessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorTitle = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ErrorDetails = table.Column<string>(type: "TEXT", nullable: true),
                    PricingJson = table.Column<string>(type: "TEXT", nullable: true),
                    ConversationJson = table.Column<string>(type: "TEXT", nullable: true),
                    BizOpaqueCallbackData = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageStatusUpdates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetWaMessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReactorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Emoji = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReactedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastInboundAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessagePreview = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UnreadCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AssigneeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WaMessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReferralJson = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReplyToWaMessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Forwarded = table.Column<bool>(type: "INTEGER", nullable: false),
                    FrequentlyForwarded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferredProductCatalogId = table.Column<string>(type: "TEXT", nullable: true),
                    ReferredProductRetailerId = table.Column<string>(type: "TEXT", nullable: true),
                    MediaId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    MediaMimeType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    MediaSha256 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    MediaFileName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    MediaState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MediaPath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    MediaSize = table.Column<long>(type: "INTEGER", nullable: true),
                    MediaError = table.Column<string>(type: "TEXT", nullable: true),
                    MediaAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaNextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorTitle = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ErrorDetails = table.Column<string>(type: "TEXT", nullable: true),
                    PricingJson = table.Column<string>(type: "TEXT", nullable: true),
                    BizOpaqueCallbackData = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelEvents_ChannelId",
                table: "ChannelEvents",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelEvents_WabaId_Field",
                table: "ChannelEvents",
                columns: new[] { "WabaId", "Field" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_WaId",
                table: "Contacts",
                column: "WaId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelId_ContactId",
                table: "Conversations",
                columns: new[] { "ChannelId", "ContactId" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelId_LastMessageAt",
                table: "Conversations",
                columns: new[] { "ChannelId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ContactId",
                table: "Conversations",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ConversationId_Timestamp",
                table: "Messages",
                columns: new[] { "ConversationId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_MediaState_MediaNextAttemptAt",
                table: "Messages",
                columns: new[] { "MediaState", "MediaNextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_WaMessageId",
                table: "Messages",
                column: "WaMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageStatusUpdates_WaMessageId_Status",
                table: "MessageStatusUpdates",
                columns: new[] { "WaMessageId", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reactions_TargetWaMessageId_ReactorId",
                table: "Reactions",
                columns: new[] { "TargetWaMessageId", "ReactorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_ReceivedAt",
                table: "WebhookDeliveries",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelEvents");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "MessageStatusUpdates");

            migrationBuilder.DropTable(
                name: "Reactions");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropColumn(
                name: "FirstSignedEventAt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "LastRefusedSignatureAt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "LastSignedEventAt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "RefusedSignatureCount",
                table: "Channels");
        }
    }
}
