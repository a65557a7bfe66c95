using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuickRepliesAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "Messages",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorUserId",
                table: "Messages",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPrivate",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "QuickReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Shortcut = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AttachmentKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AttachmentPath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    AttachmentMimeType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AttachmentFileName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    AttachmentSize = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuickReplies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuickReplies_OwnerUserId_Shortcut",
                table: "QuickReplies",
                columns: new[] { "OwnerUserId", "Shortcut" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuickReplies");

            migrationBuilder.DropColumn(
                name: "AuthorName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "AuthorUserId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "IsPrivate",
                table: "Messages");
        }
    }
}
