using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class Templates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WabaId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MetaId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RejectedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QualityScore = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PreviousCategory = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ParameterFormat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ComponentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_WabaId_MetaId",
                table: "MessageTemplates",
                columns: new[] { "WabaId", "MetaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_WabaId_Name_Language",
                table: "MessageTemplates",
                columns: new[] { "WabaId", "Name", "Language" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessageTemplates");
        }
    }
}
