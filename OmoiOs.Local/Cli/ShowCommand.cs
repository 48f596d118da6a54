using System.CommandLine;
using OmoiOs.Core.Application;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Export;
using OmoiOs.Core.Planning.Review;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Local.Cli;

/// <summary>
/// <c>omoi show</c>: a spec's requirements, design or tasks as Markdown, as soon as planning has produced them. A draft
/// says so, says how to approve or reject it when its gate waits, and lists what a re-plan changed.
/// </summary>
internal static class ShowCommand
{
    private static readonly string[] Documents = ["requirements", "design", "tasks"];

    public static Command Create()
    {
        var spec = SpecArgument.Create();
        var document = new Argument<string>("document") { Description = "requirements, design or tasks." };
        document.AcceptOnlyFromAmong(Documents);
        var command = new Command("show", "Print a spec's requirements, design or tasks (drafts too, to review them before approving).") { spec, document };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken);
            var specs = services.Get<SpecService>();
            var id = parse.GetValue(spec)!;
            var name = parse.GetValue(document)!;
            var current = await specs.GetAsync(id, cancellationToken);
            var review = await ReviewAsync(specs, id, name, cancellationToken);
            var files = await specs.ExportAsync(id, SpecExportFormat.Kiro, cancellationToken);
            Console.WriteLine(StatusLine(current, name, review));
            if (review.Changes is { } changes)
            {
                Console.WriteLine(ChangesLine(changes));
            }

            Console.WriteLine();
            Console.Write(files.Single(f => f.Path.EndsWith($"/{name}.md", StringComparison.Ordinal)).Content);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<PlanReview> ReviewAsync(SpecService specs, string id, string document, CancellationToken cancellationToken)
    {
        switch (document)
        {
            case "requirements":
                var requirements = await specs.RequirementsAsync(id, cancellationToken);
                return new PlanReview(requirements.Draft, requirements.Changes);
            case "design":
                try
                {
                    var design = await specs.DesignAsync(id, cancellationToken);
                    return new PlanReview(design.Draft, design.Changes);
                }
                catch (NotFoundException)
                {
                    return new PlanReview(true, null);
                }

            default:
                var tasks = await specs.TaskListAsync(id, cancellationToken);
                return new PlanReview(tasks.Draft, tasks.Changes);
        }
    }

    private static string StatusLine(Spec spec, string document, PlanReview review)
    {
        if (spec.PendingApproval is { } gate && gate.ToWire() == document)
        {
            return $"omoi: the {document} of {spec.Id} {Verb(document)} a DRAFT waiting for your approval. Approve: omoi approve {spec.Id} --gate {document} · "
                + $"reject with a reason (the phase is planned again): omoi approve {spec.Id} --gate {document} --reject --comment \"…\"";
        }

        if (spec is { Status: SpecStatus.AwaitingApproval, PendingApproval: null })
        {
            return $"omoi: the {document} of {spec.Id} {Verb(document)} a DRAFT; a decision on its gate is recorded and the run takes it up "
                + "as soon as a worker runs (omoi serve, or the omoi run that started it).";
        }

        return review.Draft
            ? $"omoi: the {document} of {spec.Id} {Verb(document)} a DRAFT: planning has not finished ({spec.Status.ToWire()}, {spec.CurrentPhase.ToWire()})."
            : $"omoi: the {document} of {spec.Id}, as planned ({spec.Status.ToWire()}).";
    }

    private static string Verb(string document) => document == "design" ? "is" : "are";

    private static string ChangesLine(PlanChanges changes) =>
        changes.IsEmpty
            ? "omoi: planned again; nothing changed against the version it replaced."
            : $"omoi: planned again; against the version it replaced: {changes.Summary}."
                + Listed("added", changes.Added) + Listed("removed", changes.Removed) + Listed("changed", changes.Changed);

    private static string Listed(string what, IReadOnlyList<string> titles) =>
        titles.Count == 0 ? "" : $"\n  {what}: {string.Join("; ", titles)}";
}
