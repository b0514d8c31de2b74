import { describe, expect, it } from 'vitest';
import type { PlacementEvidence } from './types.js';
import { figureText, whyInStory } from './why.js';

const joined: PlacementEvidence = {
  score: 0.412,
  text: 0.43,
  names: 0.6,
  shared_names: ['caldmoor', 'hartwell', 'penrose'],
  shared_figures: ['#count:workers:340', '#amount:USD:9000000'],
  embedding: null,
  hours: 12.4,
  reason: 'joined',
};

describe('whyInStory', () => {
  it.each([
    [
      { assigned_by: 'clusterer', evidence: joined },
      "Shares names caldmoor, hartwell, penrose; figures 340 workers, 9,000,000 USD. Words 43% alike; 12 hours from the story's span; score 0.41.",
    ],
    [
      { assigned_by: 'clusterer', evidence: { ...joined, reason: 'started' as const } },
      'Started this story.',
    ],
    [
      { assigned_by: 'clusterer', evidence: { ...joined, reason: 'duplicate' as const } },
      'A copy of an article already in this story.',
    ],
    [
      { assigned_by: 'clusterer', evidence: { ...joined, reason: 'merged' as const } },
      'Came with a story the clusterer found to be the same event, by how its reports agree, and joined to this one.',
    ],
    [{ assigned_by: 'editor', evidence: null }, 'Placed here by an editor.'],
    [{ assigned_by: 'merge', evidence: joined }, 'Came with a story that was merged into this one.'],
    [
      { assigned_by: 'clusterer', evidence: null },
      'Placed by the clusterer before it recorded its evidence.',
    ],
    [
      {
        assigned_by: 'clusterer',
        evidence: { ...joined, shared_names: [], shared_figures: [], hours: 0, embedding: 0.91 },
      },
      'Shares no rare name or figure. Words 43% alike, meaning 91% alike; within the story’s span; score 0.41.',
    ],
  ])('%#', (placement, sentence) => {
    expect(whyInStory(placement)).toBe(sentence);
  });

  it('renders dates and percentages', () => {
    expect(figureText('#date::1791072000000')).toBe('2026-10-04');
    expect(figureText('#percent:%:3.75')).toBe('3.75%');
  });
});
