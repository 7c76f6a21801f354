using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Scheduling.Contracts;
using static FieldContracts.Administration.Tests.Subcontracting.SubcontractRequestTests;

namespace FieldContracts.Administration.Tests.Subcontracting;

/// <summary>Work logged as a sub-contractor's needs Purchasing's prior approval for that work (spec VI).</summary>
public sealed class SubcontractorCheckTests
{
    private const SubcontractingPolicy PriorApproval = SubcontractingPolicy.PriorApprovalRequired;
    private const string Name = "Capitol Irrigation Co.";
    private static readonly Subcontractor Irrigators = new(Name, "12 Park Street, Hartford, CT");
    private static readonly LocalDate May20 = new(2003, 5, 20);
    private static readonly LocalDate June2 = new(2003, 6, 2);

    private static SubcontractRequest ApprovedOnJune2(params string[] items)
    {
        var request = Requested(Irrigators, May20, items);
        Assert.Null(request.Approve(PriorApproval, Party.Purchasing, "J. Alvarez", June2));
        return request;
    }

    [Fact]
    public void MayLogWork_ApprovedItemFromTheApprovalDay_Permitted()
    {
        var approved = ApprovedOnJune2("Irrigation", "Winterize sprinklers");

        Assert.Null(SubcontractorCheck.MayLogWork(PriorApproval, [approved], Name, "Irrigation", June2));
        Assert.Null(SubcontractorCheck.MayLogWork(PriorApproval, [approved], " capitol irrigation co. ", "winterize sprinklers",
            new LocalDate(2003, 11, 17)));
    }

    [Fact]
    public void MayLogWork_TheDayBeforeApproval_Refused()
    {
        var approved = ApprovedOnJune2("Irrigation");

        Assert.Equal(new SubcontractWorkRefusal.BeforeApproval(Name, "Irrigation", June2, new LocalDate(2003, 6, 1)),
            SubcontractorCheck.MayLogWork(PriorApproval, [approved], Name, "Irrigation", new LocalDate(2003, 6, 1)));
    }

    [Fact]
    public void MayLogWork_WorkOutsideWhatWasApproved_Refused()
    {
        var approved = ApprovedOnJune2("Irrigation");

        var refusal = SubcontractorCheck.MayLogWork(PriorApproval, [approved], Name, "Broadleaf weed control", new LocalDate(2003, 7, 15));

        var outside = Assert.IsType<SubcontractWorkRefusal.ItemNotApproved>(refusal);
        Assert.Equal(["Irrigation"], outside.ApprovedItems);
    }

    [Fact]
    public void MayLogWork_AnotherSubcontractor_RefusedAsNotApproved()
    {
        var approved = ApprovedOnJune2("Irrigation");

        Assert.Equal(new SubcontractWorkRefusal.NotApproved("Nutmeg Turf Care"),
            SubcontractorCheck.MayLogWork(PriorApproval, [approved], "Nutmeg Turf Care", "Irrigation", new LocalDate(2003, 7, 15)));
    }

    [Fact]
    public void MayLogWork_PendingRefusedOrWithdrawnRequests_DoNotPermit()
    {
        var pending = Requested(Irrigators, May20, "Irrigation");
        var refused = Requested(Irrigators, May20, "Irrigation");
        Assert.Null(refused.Refuse(PriorApproval, Party.Purchasing, "J. Alvarez", June2, "No irrigation licence supplied (spec V)"));
        var withdrawn = Requested(Irrigators, May20, "Irrigation");
        Assert.Null(withdrawn.Withdraw(Party.Contractor, "Green Acres Turf LLC", June2));

        Assert.Equal(new SubcontractWorkRefusal.NotApproved(Name),
            SubcontractorCheck.MayLogWork(PriorApproval, [pending, refused, withdrawn], Name, "Irrigation", new LocalDate(2003, 7, 15)));
    }

    [Fact]
    public void MayLogWork_SecondApprovalAddsItemsFromItsOwnDay()
    {
        var irrigation = ApprovedOnJune2("Irrigation");
        var seeding = Requested(Irrigators, May20, "Slit-seed worn areas");
        Assert.Null(seeding.Approve(PriorApproval, Party.Purchasing, "J. Alvarez", new LocalDate(2003, 9, 2)));

        Assert.IsType<SubcontractWorkRefusal.BeforeApproval>(
            SubcontractorCheck.MayLogWork(PriorApproval, [irrigation, seeding], Name, "Slit-seed worn areas", new LocalDate(2003, 9, 1)));
        Assert.Null(SubcontractorCheck.MayLogWork(PriorApproval, [irrigation, seeding], Name, "Slit-seed worn areas", new LocalDate(2003, 9, 2)));
    }

    [Fact]
    public void MayLogWork_UnderNotPermitted_RefusedEvenWithAnApproval()
    {
        var approved = ApprovedOnJune2("Irrigation");

        var refusal = SubcontractorCheck.MayLogWork(SubcontractingPolicy.NotPermitted, [approved], Name, "Irrigation", new LocalDate(2003, 7, 15));

        Assert.Equal("Sub-contracting will not be permitted.", Assert.IsType<SubcontractWorkRefusal.NotPermitted>(refusal).Quote);
    }
}
