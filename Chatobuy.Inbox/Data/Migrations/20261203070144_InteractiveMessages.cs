using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class InteractiveMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyId",
                table: "Messages",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InteractiveMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InteractiveJson = table.Column<string>(type: "TEXT", nullable: false),
                    HeaderMediaPath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    HeaderMediaMimeType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    HeaderMediaFileName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractiveMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InteractiveMessages_ChannelId_Name",
                table: "InteractiveMessages",
                columns: new[] { "ChannelId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InteractiveMessages");

            migrationBuilder.DropColumn(
                name: "ReplyId",
                table: "Messages");
        }
    }
}
